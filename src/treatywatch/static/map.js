// The treaty page's world map: states coloured by status on a date; the slider moves the date.
// Everything it loads comes from this server (vendored d3-geo, topojson-client, world-atlas).
(function () {
  "use strict";
  const svg = document.getElementById("map");
  if (!svg) return;
  const NS = "http://www.w3.org/2000/svg";
  const slider = document.getElementById("date-slider");
  const label = document.getElementById("date-label");
  const dateInput = document.getElementById("date-input");
  const mapDate = document.getElementById("map-date");
  const smallList = document.getElementById("small-list");
  const paths = [];
  let pending = 0;

  function isoFromSlider() {
    const start = new Date(slider.dataset.min + "T00:00:00Z");
    start.setUTCDate(start.getUTCDate() + Number(slider.value));
    return start.toISOString().slice(0, 10);
  }

  function draw(topo) {
    const countries = topojson.feature(topo, topo.objects.countries);
    const projection = d3.geoNaturalEarth1().fitSize([960, 480], { type: "Sphere" });
    const path = d3.geoPath(projection);
    const sphere = document.createElementNS(NS, "path");
    sphere.setAttribute("class", "sphere");
    sphere.setAttribute("d", path({ type: "Sphere" }));
    svg.appendChild(sphere);
    for (const f of countries.features) {
      const p = document.createElementNS(NS, "path");
      p.setAttribute("class", "country");
      p.setAttribute("d", path(f) || "");
      p.dataset.id = f.id || "";
      p.dataset.name = (f.properties && f.properties.name) || "";
      const title = document.createElementNS(NS, "title");
      title.textContent = p.dataset.name;
      p.appendChild(title);
      svg.appendChild(p);
      paths.push(p);
    }
  }

  function badge(status) {
    const span = document.createElement("span");
    span.className = "badge st-" + status;
    span.textContent = status.replace("_", " ");
    return span;
  }

  async function colour(date) {
    const ticket = ++pending;
    const response = await fetch(svg.dataset.statusUrl + "?as_of=" + encodeURIComponent(date));
    if (!response.ok) return;
    const data = await response.json();
    if (ticket !== pending) return; // a later date was asked for meanwhile
    const byId = new Map();
    for (const s of data.statuses) if (s.numeric) byId.set(s.numeric, s);
    for (const p of paths) {
      const s = byId.get(p.dataset.id);
      const status = s ? s.status : (p.dataset.id ? data.default : "nodata");
      p.dataset.status = status;
      p.setAttribute("class", "country st-" + status);
      p.firstChild.textContent = p.dataset.name + ": " + status.replace("_", " ") + (s && s.since ? " since " + s.since : "");
    }
    if (smallList) {
      smallList.replaceChildren();
      for (const s of data.not_drawn) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = "/states/" + encodeURIComponent(s.state);
        a.textContent = s.name;
        li.append(a, " ", badge(s.status));
        smallList.appendChild(li);
      }
    }
    mapDate.textContent = date;
    svg.dataset.date = date;
    svg.dataset.colouredDate = date;
  }

  function moveTo(date, updateTable) {
    label.textContent = date;
    dateInput.value = date;
    slider.setAttribute("aria-valuetext", date);
    colour(date);
    if (updateTable && window.htmx) {
      htmx.ajax("GET", svg.dataset.tableUrl + "?date=" + encodeURIComponent(date), { target: "#status-section", swap: "innerHTML" });
    }
    history.replaceState(null, "", "?date=" + date);
  }

  let timer = null;
  slider.addEventListener("input", function () {
    const date = isoFromSlider();
    label.textContent = date;
    clearTimeout(timer);
    timer = setTimeout(function () { moveTo(date, false); }, 120);
  });
  slider.addEventListener("change", function () { clearTimeout(timer); moveTo(isoFromSlider(), true); });

  fetch(svg.dataset.topo)
    .then(function (r) { return r.json(); })
    .then(function (topo) { draw(topo); return colour(svg.dataset.date); })
    .then(function () { document.body.dataset.ready = "1"; });
})();
