"""The benchmark's own word tables: places, industries, legal forms and foreign name parts.

Written for the benchmark, independently of labortrace's lexicon (src/labortrace/names/data/lexicon.tsv),
so that the benchmark does not test the lexicon against itself. Overlap in common words is natural.
"""

from __future__ import annotations

#: Chinese places (Han without 市/省, English form used by real lists; pinyin is computed by pypinyin).
PLACES: tuple[tuple[str, str], ...] = (
    ("北京", "Beijing"), ("上海", "Shanghai"), ("天津", "Tianjin"), ("重庆", "Chongqing"), ("广州", "Guangzhou"),
    ("深圳", "Shenzhen"), ("东莞", "Dongguan"), ("佛山", "Foshan"), ("中山", "Zhongshan"), ("珠海", "Zhuhai"),
    ("汕头", "Shantou"), ("惠州", "Huizhou"), ("江门", "Jiangmen"), ("湛江", "Zhanjiang"), ("杭州", "Hangzhou"),
    ("宁波", "Ningbo"), ("温州", "Wenzhou"), ("绍兴", "Shaoxing"), ("嘉兴", "Jiaxing"), ("湖州", "Huzhou"),
    ("金华", "Jinhua"), ("义乌", "Yiwu"), ("台州", "Taizhou"), ("南京", "Nanjing"), ("苏州", "Suzhou"),
    ("无锡", "Wuxi"), ("常州", "Changzhou"), ("南通", "Nantong"), ("扬州", "Yangzhou"), ("徐州", "Xuzhou"),
    ("盐城", "Yancheng"), ("泰州", "Taizhou"), ("镇江", "Zhenjiang"), ("济南", "Jinan"), ("青岛", "Qingdao"),
    ("烟台", "Yantai"), ("潍坊", "Weifang"), ("淄博", "Zibo"), ("临沂", "Linyi"), ("济宁", "Jining"),
    ("威海", "Weihai"), ("福州", "Fuzhou"), ("厦门", "Xiamen"), ("泉州", "Quanzhou"), ("晋江", "Jinjiang"),
    ("莆田", "Putian"), ("漳州", "Zhangzhou"), ("合肥", "Hefei"), ("芜湖", "Wuhu"), ("武汉", "Wuhan"),
    ("宜昌", "Yichang"), ("襄阳", "Xiangyang"), ("长沙", "Changsha"), ("株洲", "Zhuzhou"), ("南昌", "Nanchang"),
    ("郑州", "Zhengzhou"), ("洛阳", "Luoyang"), ("石家庄", "Shijiazhuang"), ("保定", "Baoding"), ("唐山", "Tangshan"),
    ("太原", "Taiyuan"), ("西安", "Xi'an"), ("兰州", "Lanzhou"), ("银川", "Yinchuan"), ("西宁", "Xining"),
    ("成都", "Chengdu"), ("绵阳", "Mianyang"), ("贵阳", "Guiyang"), ("昆明", "Kunming"), ("南宁", "Nanning"),
    ("柳州", "Liuzhou"), ("桂林", "Guilin"), ("海口", "Haikou"), ("沈阳", "Shenyang"), ("大连", "Dalian"),
    ("鞍山", "Anshan"), ("长春", "Changchun"), ("吉林", "Jilin"), ("哈尔滨", "Harbin"), ("大庆", "Daqing"),
    ("呼和浩特", "Hohhot"), ("包头", "Baotou"), ("鄂尔多斯", "Ordos"), ("乌鲁木齐", "Urumqi"), ("喀什", "Kashgar"),
    ("和田", "Hotan"), ("阿克苏", "Aksu"), ("库尔勒", "Korla"), ("昌吉", "Changji"), ("石河子", "Shihezi"),
    ("哈密", "Hami"), ("吐鲁番", "Turpan"), ("伊犁", "Yili"), ("拉萨", "Lhasa"), ("新疆", "Xinjiang"),
    ("广东", "Guangdong"), ("浙江", "Zhejiang"), ("江苏", "Jiangsu"), ("山东", "Shandong"), ("福建", "Fujian"),
    ("河北", "Hebei"), ("河南", "Henan"), ("湖北", "Hubei"), ("湖南", "Hunan"), ("安徽", "Anhui"),
)
#: Places that are provinces or regions: written without 市 in Han.
PROVINCES = frozenset({"新疆", "广东", "浙江", "江苏", "山东", "福建", "河北", "河南", "湖北", "湖南", "安徽"})

#: Industry words: Han, then English translations seen on real lists (the first is the usual one).
INDUSTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("纺织", ("Textile", "Textiles")), ("化工", ("Chemical", "Chemical Industry", "Chemicals")),
    ("化学", ("Chemical", "Chemistry")), ("科技", ("Technology", "Science and Technology", "Tech", "Sci-Tech")),
    ("电子", ("Electronics", "Electronic")), ("机械", ("Machinery", "Mechanical")), ("服装", ("Garment", "Clothing", "Apparel")),
    ("服饰", ("Apparel", "Fashion", "Garments")), ("食品", ("Food", "Foods", "Foodstuff")), ("农业", ("Agriculture", "Agricultural")),
    ("棉业", ("Cotton", "Cotton Industry")), ("光伏", ("Photovoltaic", "PV", "Solar")), ("新能源", ("New Energy",)),
    ("硅业", ("Silicon", "Silicon Industry")), ("物流", ("Logistics",)), ("贸易", ("Trading", "Trade")),
    ("实业", ("Industrial", "Industry")), ("投资", ("Investment", "Investments")), ("建材", ("Building Materials", "Construction Materials")),
    ("钢铁", ("Iron and Steel", "Steel")), ("矿业", ("Mining", "Minerals")), ("医药", ("Pharmaceutical", "Pharmaceuticals", "Pharma")),
    ("生物", ("Biological", "Biotech", "Bio")), ("塑料", ("Plastics", "Plastic")), ("包装", ("Packaging", "Package")),
    ("印染", ("Printing and Dyeing", "Dyeing and Printing")), ("制衣", ("Garment Manufacturing", "Garment Making")),
    ("鞋业", ("Footwear", "Shoes")), ("玩具", ("Toys", "Toy")), ("家具", ("Furniture",)), ("五金", ("Hardware", "Metal Products")),
    ("电器", ("Electric Appliance", "Electrical Appliances")), ("照明", ("Lighting",)), ("汽车配件", ("Auto Parts", "Automobile Parts")),
    ("新材料", ("New Materials", "Advanced Materials")), ("环保", ("Environmental Protection", "Environmental")),
    ("能源", ("Energy",)), ("化纤", ("Chemical Fiber", "Chemical Fibre")), ("棉纺", ("Cotton Spinning", "Cotton Textile")),
    ("针织", ("Knitting", "Knitwear")), ("皮革", ("Leather",)), ("陶瓷", ("Ceramics", "Ceramic")), ("玻璃", ("Glass",)),
    ("铝业", ("Aluminum", "Aluminium")), ("铜业", ("Copper",)), ("水产", ("Aquatic Products", "Seafood")),
    ("番茄制品", ("Tomato Products",)), ("光电", ("Optoelectronics", "Photoelectric")), ("半导体", ("Semiconductor", "Semiconductors")),
    ("通信", ("Communication", "Communications", "Telecom")), ("软件", ("Software",)), ("网络", ("Network", "Networks")),
    ("信息技术", ("Information Technology", "IT")), ("精密", ("Precision",)), ("工艺品", ("Handicrafts", "Crafts", "Arts and Crafts")),
    ("发制品", ("Hair Products",)), ("电池", ("Battery", "Batteries")), ("石化", ("Petrochemical", "Petrochemicals")),
    ("农产品", ("Agricultural Products", "Farm Products")), ("进出口", ("Import and Export", "Imp. & Exp.", "I/E")),
    ("制造", ("Manufacturing", "Mfg.")), ("国际贸易", ("International Trading", "Intl Trading", "International Trade")),
)

#: Legal forms: Han, English forms (the first is the usual one), pinyin as typed by suppliers.
LEGAL_FORMS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("有限公司", ("Co., Ltd.", "Co. Ltd", "Company Limited", "Co.,Ltd.", "Limited", "Ltd."), "Youxian Gongsi"),
    ("股份有限公司", ("Co., Ltd.", "Corporation Limited", "Joint Stock Co., Ltd.", "Company Limited by Shares", "Corp."), "Gufen Youxian Gongsi"),
    ("有限责任公司", ("Co., Ltd.", "Limited Liability Company", "LLC"), "Youxian Zeren Gongsi"),
    ("集团有限公司", ("Group Co., Ltd.", "Group Company Limited", "Group Ltd."), "Jituan Youxian Gongsi"),
)
#: How often each legal form is drawn for a reference company.
LEGAL_WEIGHTS = (6, 3, 1, 1)

#: Brand characters many real companies share; drawn more often than the rest of the inventory.
POPULAR_BRAND_CHARS = (
    "华中金泰鑫盛恒宏鸿兴永利达丰源新天海德瑞祥福安宝信昌隆荣东南北佳美汇通力嘉聚腾创博凯辉光明远顺正康健宇星云龙凤山江"
    "国万千百广大润亿诚众友成发富贵晶豪伟强振鹏飞祥林森华宁嘉旺盈"
)

#: Road names for addresses: Han and English.
ROADS = (("人民路", "Renmin Road"), ("解放路", "Jiefang Road"), ("建设路", "Jianshe Road"), ("中山路", "Zhongshan Road"),
         ("工业大道", "Industrial Avenue"), ("科技路", "Keji Road"), ("长江路", "Changjiang Road"), ("黄河路", "Huanghe Road"),
         ("新华路", "Xinhua Road"), ("开发区大道", "Development Zone Avenue"))

#: Latin-script countries: brand words (surnames and words with diacritics), industry words and legal forms.
LATIN_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "de": (("Müller", "Schröder", "Bäcker", "Köhler", "Weiß", "Groß", "Jäger", "Krüger", "Fuchs", "Böhm", "Schäfer", "Wolf", "Hoffmann", "Kühn", "Lübeck"),
           ("Textil", "Chemie", "Maschinenbau", "Logistik", "Handel", "Elektronik", "Bekleidung", "Kunststoffe"),
           ("GmbH", "AG", "GmbH & Co. KG")),
    "fr": (("Lefèvre", "Crépin", "Hélène", "Bérénice", "Gérard", "Mercier", "Fauré", "Dupré", "Léon", "Thibault", "Chênevert", "Garçon"),
           ("Textiles", "Chimie", "Logistique", "Électronique", "Commerce", "Habillement", "Industries"),
           ("SARL", "SAS", "S.A.")),
    "es": (("Núñez", "Peña", "Muñoz", "Ibáñez", "García", "Martín", "Gómez", "Pérez", "Sánchez", "Jiménez", "Álvarez", "Rodríguez"),
           ("Textil", "Química", "Logística", "Comercio", "Electrónica", "Confecciones", "Plásticos"),
           ("S.L.", "S.A.", "S.L.U.")),
    "tr": (("Özdemir", "Çelik", "Şahin", "Yılmaz", "Öztürk", "Doğan", "Güneş", "Aydın", "Kılıç", "Arslan", "Koç", "Ünal"),
           ("Tekstil", "Kimya", "Lojistik", "Ticaret", "Elektronik", "Konfeksiyon", "Plastik"),
           ("A.Ş.", "Ltd. Şti.", "San. ve Tic. A.Ş.")),
    "vn": (("Nguyễn", "Trần", "Phạm", "Hoàng", "Phúc", "Thành", "Đức", "Việt", "Hưng", "Thịnh", "Bảo", "Minh"),
           ("Dệt May", "Hóa Chất", "Thương Mại", "Điện Tử", "May Mặc", "Nhựa", "Logistics"),
           ("Công ty TNHH", "Công ty Cổ phần", "JSC")),
    "pl": (("Łukasz", "Wójcik", "Kowalczyk", "Woźniak", "Dąbrowski", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Król"),
           ("Tekstylia", "Chemia", "Handel", "Logistyka", "Elektronika", "Odzież"),
           ("Sp. z o.o.", "S.A.", "Sp.k.")),
}
#: Syllables for coined Latin brands (consonant + vowel; the vowel may carry a diacritic).
LATIN_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "tr", "br", "st", "gr")
LATIN_VOWELS = ("a", "e", "i", "o", "u", "á", "é", "ö", "ü", "ç", "ñ", "ó")

#: Cyrillic: syllables for coined brands, industries (Cyrillic, Latin transliteration, English), legal forms.
CYR_SYLLABLES = ("се", "вер", "тех", "ур", "ал", "сиб", "про", "ком", "мет", "стр", "ой", "нефт", "газ", "ин", "вест", "тор", "ма", "ра", "ни", "ко", "лю", "жи", "ща", "бы")
CYR_INDUSTRIES = (("Текстиль", "Textile"), ("Химпром", "Chemical"), ("Логистик", "Logistics"), ("Трейд", "Trading"),
                  ("Машстрой", "Machinery"), ("Электроника", "Electronics"), ("Металл", "Metal"), ("Агро", "Agro"))
CYR_LEGAL = (("ООО", "OOO", "LLC"), ("АО", "AO", "JSC"), ("ПАО", "PAO", "PJSC"))
#: Transliteration of Russian letters used by the generator (GOST-like, written for the benchmark).
CYR_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}

#: Arabic brand words with their usual Latin spellings (the first is the usual one).
ARABIC_BRANDS = (
    ("النور", ("Al Noor", "Al-Nour", "Alnoor")), ("الأمل", ("Al Amal", "Al-Amal")), ("الخليج", ("Al Khaleej", "Al-Khalij", "Gulf")),
    ("السلام", ("Al Salam", "As-Salam")), ("الفجر", ("Al Fajr", "Al-Fajer")), ("الرياض", ("Al Riyadh", "Ar-Riyad")),
    ("الوطنية", ("Al Wataniya", "National")), ("المستقبل", ("Al Mustaqbal", "Future")), ("الشرق", ("Al Sharq", "Ash-Sharq")),
    ("النخبة", ("Al Nukhba", "Elite")), ("الصفا", ("Al Safa", "As-Safa")), ("البركة", ("Al Baraka", "Al-Barakah")),
    ("الهدى", ("Al Huda", "Al-Hoda")), ("الريان", ("Al Rayyan", "Al-Rayan")), ("الزهراء", ("Al Zahra", "Az-Zahraa")),
    ("الفلاح", ("Al Falah", "Al-Falah")), ("الإيمان", ("Al Iman", "Al-Eman")), ("القمة", ("Al Qimma", "Summit")),
)
ARABIC_FAMILIES = (("سعيد", "Saeed"), ("حسن", "Hassan"), ("منصور", "Mansour"), ("خالد", "Khaled"), ("يوسف", "Youssef"),
                   ("عمر", "Omar"), ("كريم", "Karim"), ("ناصر", "Nasser"), ("فهد", "Fahad"), ("سالم", "Salem"),
                   ("راشد", "Rashid"), ("جابر", "Jaber"), ("ماجد", "Majed"), ("طارق", "Tariq"), ("زايد", "Zayed"))
ARABIC_INDUSTRIES = (("للتجارة", "Trading"), ("للنسيج", "Textiles"), ("للكيماويات", "Chemicals"), ("للمقاولات", "Contracting"),
                     ("للصناعات", "Industries"), ("للإلكترونيات", "Electronics"), ("للخدمات اللوجستية", "Logistics"))
ARABIC_LEGAL = (("شركة", "Company"), ("مؤسسة", "Establishment"), ("ذ.م.م", "LLC"))
