// Netra review app: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Forms marked data-confirm ask before they submit (merge and split cannot be undone in one click).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
  // A second click while the first post is on its way would only be ignored (request ids are
  // idempotent); disabling the button says so.
  document.querySelectorAll("form[method='post']").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) { return; }
      form.querySelectorAll("button[type='submit']").forEach(function (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  });
  // Choosing an official record from the list fills the link form's source and number.
  document.querySelectorAll("[data-link-picker]").forEach(function (picker) {
    picker.addEventListener("change", function () {
      var option = picker.options[picker.selectedIndex];
      var form = picker.form;
      form.elements.source.value = option.getAttribute("data-source") || "";
      form.elements.nomor_laporan.value = option.getAttribute("data-nomor") || "";
    });
  });
  // Filter selects with data-autosubmit apply at once.
  document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
    control.addEventListener("change", function () { control.form.requestSubmit(); });
  });
});
