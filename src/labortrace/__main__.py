from labortrace.cli import main

main()
