// Map popups: clicking (or focusing) a point shows its place and event count. Text only, never HTML.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var map = document.getElementById("map");
  var popup = document.getElementById("map-popup");
  if (!map || !popup) { return; }
  var figure = map.parentNode;
  function show(point) {
    var box = figure.getBoundingClientRect();
    var dot = point.getBoundingClientRect();
    map.querySelectorAll(".point.active").forEach(function (p) { p.classList.remove("active"); });
    point.classList.add("active");
    popup.textContent = point.getAttribute("data-label");
    popup.hidden = false;
    popup.dataset.place = point.getAttribute("data-place");
    popup.setAttribute("class", "popup");
    popup.style.left = Math.round(dot.left - box.left + dot.width) + "px";
    popup.style.top = Math.round(dot.top - box.top - 8) + "px";
  }
  map.querySelectorAll(".point").forEach(function (point) {
    point.addEventListener("click", function () { show(point); });
    point.addEventListener("focus", function () { show(point); });
  });
  map.addEventListener("mouseleave", function () { popup.hidden = true; });
});
