// On a narrow screen the header's menu and tools fold behind one "Menu" button (issue 14: the
// header took 230-250 px of a phone's screen). Without this script nothing is folded: the CSS
// only hides the menu once the script has marked the page (body.has-menu-button).
(function () {
  "use strict";
  var button = document.querySelector(".site-menu-button");
  var menu = document.getElementById("site-menu");
  if (!button || !menu) {
    return;
  }
  document.body.classList.add("has-menu-button");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-open", open);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
