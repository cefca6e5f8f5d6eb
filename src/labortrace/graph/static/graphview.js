// labortrace graph view: pan, zoom, drag nodes, click to focus. Bundled in the package and inlined into the
// page (no CDN, nothing fetched). It works on the SVG render_html.py draws: nodes are <g class="node"
// data-id data-x data-y> holding a rect at (data-x, data-y), edges are <g class="edge" data-source
// data-target> holding a cubic path and a label; path entries are <li data-path="pN">.
(function () {
  "use strict";
  const svg = document.querySelector("svg.graph");
  if (!svg) return;
  const W = +svg.dataset.nodeWidth, H = +svg.dataset.nodeHeight;
  const view = svg.viewBox.baseVal;
  const home = [view.x, view.y, view.width, view.height];
  const nodes = new Map();
  svg.querySelectorAll("g.node").forEach((g) => nodes.set(g.dataset.id, { g, x: +g.dataset.x, y: +g.dataset.y }));
  const edges = Array.from(svg.querySelectorAll("g.edge"));
  const info = document.getElementById("graph-info");

  function toSvg(evt) {
    const p = svg.createSVGPoint();
    p.x = evt.clientX; p.y = evt.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }

  // the same curve as render_html.py's _edge_svg, so a dragged node keeps its edges attached
  function route(edge) {
    const s = nodes.get(edge.dataset.source), t = nodes.get(edge.dataset.target);
    if (!s || !t) return;
    const sy = s.y + H / 2, ty = t.y + H / 2;
    let x1, x2, c1, c2, loop = false;
    if (s.x + W < t.x) { x1 = s.x + W; x2 = t.x; }
    else if (t.x + W < s.x) { x1 = s.x; x2 = t.x + W; }
    else { x1 = s.x + W; x2 = t.x + W; loop = true; }
    const bend = Math.max(60, Math.abs(x2 - x1) / 2) * (x2 >= x1 ? 1 : -1);
    if (loop) { c1 = x1 + 80; c2 = x2 + 80; } else { c1 = x1 + bend; c2 = x2 - bend; }
    edge.querySelector("path").setAttribute("d", `M${x1},${sy} C${c1},${sy} ${c2},${ty} ${x2},${ty}`);
    const mx = (x1 + x2) / 2 + (loop ? 80 : 0), my = (sy + ty) / 2;
    const rect = edge.querySelector("rect"), text = edge.querySelector("text");
    rect.setAttribute("x", mx - rect.width.baseVal.value / 2); rect.setAttribute("y", my - 13);
    text.setAttribute("x", mx); text.setAttribute("y", my);
  }

  function focus(classes, label) {
    svg.classList.toggle("focus", classes.length > 0);
    svg.querySelectorAll(".hl").forEach((e) => e.classList.remove("hl"));
    classes.forEach((c) => svg.querySelectorAll("." + c).forEach((e) => e.classList.add("hl")));
    if (info) info.textContent = label;
  }

  let drag = null;
  svg.addEventListener("pointerdown", (evt) => {
    const g = evt.target.closest("g.node");
    const at = toSvg(evt);
    drag = g ? { node: nodes.get(g.dataset.id), dx: at.x, dy: at.y, moved: false }
             : { pan: true, x: evt.clientX, y: evt.clientY, moved: false };
    svg.setPointerCapture(evt.pointerId);
  });
  svg.addEventListener("pointermove", (evt) => {
    if (!drag) return;
    if (drag.pan) {
      const scale = view.width / svg.getBoundingClientRect().width;
      view.x -= (evt.clientX - drag.x) * scale; view.y -= (evt.clientY - drag.y) * scale;
      drag.x = evt.clientX; drag.y = evt.clientY; drag.moved = true;
      return;
    }
    const at = toSvg(evt), n = drag.node;
    n.x += at.x - drag.dx; n.y += at.y - drag.dy; drag.dx = at.x; drag.dy = at.y; drag.moved = true;
    n.g.setAttribute("transform", `translate(${n.x - +n.g.dataset.x},${n.y - +n.g.dataset.y})`);
    edges.forEach((e) => { if (e.dataset.source === n.g.dataset.id || e.dataset.target === n.g.dataset.id) route(e); });
  });
  svg.addEventListener("pointerup", (evt) => {
    if (drag && !drag.moved) {
      const g = evt.target.closest("g.node");
      if (g) focusNode(g); else focus([], "");
    }
    drag = null;
  });
  svg.addEventListener("wheel", (evt) => {
    evt.preventDefault();
    const at = toSvg(evt), k = evt.deltaY > 0 ? 1.15 : 1 / 1.15;
    view.x = at.x - (at.x - view.x) * k; view.y = at.y - (at.y - view.y) * k;
    view.width *= k; view.height *= k;
  }, { passive: false });
  svg.addEventListener("dblclick", () => { [view.x, view.y, view.width, view.height] = home; });

  document.querySelectorAll("li[data-path]").forEach((li) => {
    li.addEventListener("mouseenter", () => focus([li.dataset.path], ""));
    li.addEventListener("mouseleave", () => focus([], ""));
  });
  function focusNode(g) {
    const classes = Array.from(g.classList).filter((c) => /^p\d+$/.test(c));
    focus(classes, `${g.querySelector("title").textContent.split("\n").join(" · ")} — on ${classes.length} path(s)`);
  }
  // trace.html#focus=ENTITY_ID opens with that entity's paths highlighted: a link one can share
  const wanted = decodeURIComponent((location.hash.match(/^#focus=(.+)$/) || [])[1] || "");
  if (wanted && nodes.has(wanted)) focusNode(nodes.get(wanted).g);
  svg.dataset.ready = "yes"; // the script ran
})();
