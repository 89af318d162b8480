// The dashboard map: reconciled groups on country borders (Natural Earth 1:110m, built into
// /static/borders.geojson by scripts/build_borders.py; no tiles, nothing fetched from elsewhere).
// A group is a circle coloured by event type, sized by its best figure and ringed when its
// sources disagree; how precise its place is shows in the outline (solid: a town; dashed: a
// province's centre; hollow and dotted: a country's centre). A click opens the group's page.
// Data comes from the page's JSON block; every text is set with textContent.
(function () {
  "use strict";
  var block = document.getElementById("map-data");
  var box = document.getElementById("leaflet-map");
  if (!block || !box || typeof L === "undefined") { return; }
  var data = JSON.parse(block.textContent);
  if (!data.points.length) { return; }
  var COLOURS = {
    killed: "#c0392b", injured: "#e67e22", arrested: "#2c3e50", abducted: "#8e44ad",
    missing: "#7f8c8d", displaced: "#16a085", deployed: "#2980b9", recruited: "#d35400",
    returned: "#27ae60", released: "#f1c40f", strikes: "#6d214f"
  };
  var LEVELS = {
    p: { dashArray: null, fillOpacity: 0.65 },
    a: { dashArray: "4 3", fillOpacity: 0.4 },
    c: { dashArray: "1 3", fillOpacity: 0.12 }
  };
  var q = data.lang === "en" ? "?lang=en" : "";
  var map = L.map(box, { worldCopyJump: true, attributionControl: false });
  map.createPane("borders").style.zIndex = 350;
  var dots = L.canvas({ padding: 0.2 });  // thousands of groups: one canvas, not one SVG node each
  box.rasdMap = map;  // for the browser tests: where a group is drawn

  fetch("/static/borders.geojson").then(function (r) { return r.json(); }).then(function (geo) {
    L.geoJSON(geo, {
      pane: "borders", interactive: false,
      style: { color: "#9aa5b1", weight: 1, fillColor: "#eef1f4", fillOpacity: 1 }
    }).addTo(map);
  });

  var best = data.points.reduce(function (m, p) { return Math.max(m, p[2]); }, 1);
  var bounds = [];
  var present = {};
  // largest first, so that small circles stay on top and clickable
  data.points.slice().sort(function (a, b) { return b[2] - a[2]; }).forEach(function (p) {
    var level = LEVELS[p[5]] || LEVELS.p;
    var colour = COLOURS[p[3]] || "#555";
    present[p[3]] = true;
    var marker = L.circleMarker([p[0], p[1]], {
      radius: 3 + 15 * Math.sqrt(Math.max(p[2], 0) / best),
      color: p[4] ? "#000" : colour, weight: p[4] ? 2.5 : 1, dashArray: level.dashArray,
      fillColor: colour, fillOpacity: level.fillOpacity, renderer: dots
    }).addTo(map);
    marker.groupId = p[6];
    marker.once("mouseover", function () {  // the tooltip made when first needed
      var label = document.createElement("span");
      var place = data.places[p[7]];
      label.textContent = (place ? place + " — " : "") + (data.types[p[3]] || p[3]) + ": " +
        Number(p[2]).toLocaleString("en") + (p[4] ? " ⚑ " + data.words.disagreement : "");
      marker.bindTooltip(label).openTooltip();
    });
    marker.on("click", function () { window.location.href = "/groups/" + p[6] + q; });
    bounds.push([p[0], p[1]]);
  });

  data.countries.forEach(function (c) {
    L.tooltip({ permanent: true, direction: "center", className: "country-label",
                interactive: false })
      .setLatLng([c[0], c[1]]).setContent(document.createTextNode(c[2])).addTo(map);
  });

  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "map-legend");
    Object.keys(COLOURS).forEach(function (type) {
      if (!present[type]) { return; }
      var row = document.createElement("div");
      var dot = document.createElement("span");
      dot.className = "swatch";
      dot.style.background = COLOURS[type];
      row.appendChild(dot);
      row.appendChild(document.createTextNode(" " + (data.types[type] || type)));
      div.appendChild(row);
    });
    [["ring", "⚑ " + data.words.disagreement], ["p", data.words.town],
     ["a", data.words.province], ["c", data.words.country_level]].forEach(function (item) {
      var row = document.createElement("div");
      var mark = document.createElement("span");
      mark.className = "shape shape-" + item[0];
      row.appendChild(mark);
      row.appendChild(document.createTextNode(" " + item[1]));
      div.appendChild(row);
    });
    return div;
  };
  legend.addTo(map);
  map.fitBounds(core(bounds), { padding: [30, 30], maxZoom: 8 });

  // the box of the middle 90 % of the points in latitude and longitude (a few far-away
  // groups do not zoom the map out to the whole world)
  function core(points) {
    if (points.length < 20) { return points; }
    function cut(values) {
      values.sort(function (a, b) { return a - b; });
      return [values[Math.floor(values.length * 0.05)], values[Math.floor(values.length * 0.95)]];
    }
    var lat = cut(points.map(function (p) { return p[0]; }));
    var lon = cut(points.map(function (p) { return p[1]; }));
    return [[lat[0], lon[0]], [lat[1], lon[1]]];
  }
})();
