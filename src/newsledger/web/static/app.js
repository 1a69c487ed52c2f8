// newsledger: hover cards and linked highlighting on article pages (no inline script anywhere).
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  function idsOf(el) {
    return (el.getAttribute("data-st") || "").split(" ").filter(Boolean);
  }

  function segmentsOf(id) {
    return document.querySelectorAll('.hl[data-st~="' + CSS.escape(id) + '"]');
  }

  function setActive(ids, on) {
    ids.forEach(function (id) {
      segmentsOf(id).forEach(function (el) { el.classList.toggle("active", on); });
      var card = document.getElementById("st-" + id);
      if (card) { card.classList.toggle("active", on); }
    });
  }

  ready(function () {
    var text = document.getElementById("article-text");
    var tip = document.getElementById("tip");
    if (!text || !tip) { return; }
    // Native titles would show a second tooltip: keep their words for our card instead.
    text.querySelectorAll(".hl[title]").forEach(function (el) {
      el.setAttribute("data-tip", el.getAttribute("title"));
      el.removeAttribute("title");
    });
    var current = null;
    text.addEventListener("mouseover", function (event) {
      var el = event.target.closest ? event.target.closest(".hl[data-st]") : null;
      if (el === current) { return; }
      if (current) { setActive(idsOf(current), false); }
      current = el;
      if (!el) { tip.hidden = true; return; }
      setActive(idsOf(el), true);
      tip.textContent = el.getAttribute("data-tip") || "";
      tip.hidden = !tip.textContent;
      var box = el.getBoundingClientRect();
      tip.style.left = Math.max(8, window.scrollX + box.left) + "px";
      tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    });
    text.addEventListener("mouseleave", function () {
      if (current) { setActive(idsOf(current), false); }
      current = null;
      tip.hidden = true;
    });
    document.querySelectorAll(".statement[data-statement]").forEach(function (card) {
      var id = card.getAttribute("data-statement");
      card.addEventListener("mouseenter", function () { setActive([id], true); });
      card.addEventListener("mouseleave", function () { setActive([id], false); });
    });
    var hash = decodeURIComponent(window.location.hash || "");
    if (hash.indexOf("#t-") === 0) { setActive([hash.slice(3)], true); }
  });
}());
