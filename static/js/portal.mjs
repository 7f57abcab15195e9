// Progressive enhancement only: every page works without this file.
import { initAll } from "../govuk/govuk-frontend.min.js";
import "./step-nav.mjs";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Glossary words: Escape hides an open meaning without moving focus (WCAG 1.4.13).
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll("[data-module='portal-term']").forEach((term) => {
    term.classList.add("portal-term--dismissed");
  });
});
document.addEventListener("focusin", (event) => {
  const term = event.target.closest && event.target.closest("[data-module='portal-term']");
  if (term) term.classList.remove("portal-term--dismissed");
});
document.addEventListener("mouseover", (event) => {
  const term = event.target.closest && event.target.closest("[data-module='portal-term']");
  if (term) term.classList.remove("portal-term--dismissed");
});

// The editor's readability panel: refresh it a moment after the writer stops typing.
// Without this script, the "Check readability" button does the same.
document.querySelectorAll("[data-module='portal-readability']").forEach((panel) => {
  const form = document.querySelector("textarea[name='body_parents']")?.form;
  if (!form) return;
  let timer;
  const refresh = async () => {
    const data = new FormData(form);
    data.set("action", "check");
    try {
      const response = await fetch(panel.dataset.url, { method: "POST", body: data, credentials: "same-origin" });
      if (response.ok) panel.innerHTML = await response.text();
    } catch {
      // Offline or signed out: the button still works.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 1000);
  };
  const fields = [...form.querySelectorAll("textarea")];
  fields.forEach((field) => field.addEventListener("input", later));
  // A writer who started typing before this script arrived (a slow connection) still gets a fresh panel.
  if (fields.some((field) => field.value !== field.defaultValue)) later();
});
