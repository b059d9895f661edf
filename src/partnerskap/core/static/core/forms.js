// A form that is being sent says so and is not sent twice (issue 14): the pressed button shows
// that it is working and further submits of the same form are ignored until the next page.
(function () {
  "use strict";
  var busy = (document.body && document.body.getAttribute("data-busy-label")) || "…";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post") {
      return;
    }
    if (form.hasAttribute("data-submitting")) {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    form.setAttribute("data-submitting", "");
    form.setAttribute("aria-busy", "true");
    var button = event.submitter || form.querySelector("button[type=submit], button:not([type])");
    if (button) {
      // aria-disabled, not disabled: a disabled submitter would drop its name and value.
      button.setAttribute("aria-disabled", "true");
      var label = button.querySelector(".aksel-label") || button;
      label.setAttribute("data-label", label.textContent);
      label.textContent = busy;
    }
  });

  function release(form) {
    form.removeAttribute("data-submitting");
    form.removeAttribute("aria-busy");
    form.querySelectorAll("[aria-disabled=true]").forEach(function (button) {
      button.removeAttribute("aria-disabled");
      var label = button.querySelector("[data-label]") || button;
      if (label.hasAttribute("data-label")) {
        label.textContent = label.getAttribute("data-label");
        label.removeAttribute("data-label");
      }
    });
  }

  // A form that answers with a file (data-download) leaves the page where it is: it may be sent
  // again once the download has had time to start.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-download") && !event.defaultPrevented) {
      window.setTimeout(function () { release(form); }, 8000);
    }
  });

  // After a submit the answer gets the focus: the list of errors, or the confirmation, which
  // would otherwise sit above the fold with the focus at the top of the page (issue 14).
  function focusFeedback() {
    var target = document.querySelector(".error-summary");
    if (!target) {
      target = document.querySelector(".messages [role=status]");
      if (target) {
        target.setAttribute("tabindex", "-1");
      }
    }
    if (target) {
      target.focus({ preventScroll: true });
      // A page opened at a fragment (#item-12: what was just saved) keeps its place.
      if (!window.location.hash) {
        target.scrollIntoView({ block: "nearest" });
      }
    }
  }
  // After load: the browser has moved to the fragment by then and will not move the focus again.
  if (document.readyState === "complete") {
    focusFeedback();
  } else {
    window.addEventListener("load", focusFeedback);
  }

  // A table wider than the screen scrolls in its own box (partnerskap.css); a box that scrolls
  // must be reachable by keyboard to be scrolled without a mouse (WCAG 2.1.1).
  function markScrollable() {
    document.querySelectorAll(".page table, .table-scroll").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-scrollable", "");
      } else if (!scrolls && box.hasAttribute("data-scrollable")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-scrollable");
      }
    });
  }
  markScrollable();
  window.addEventListener("load", markScrollable);
  var resizing = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(markScrollable, 100);
  });

  // Back to a page from the browser's cache: its forms can be sent again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.querySelectorAll("form[data-submitting]").forEach(release);
    }
  });
})();
