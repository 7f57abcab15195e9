// Progressive enhancement only: every page works without this file.
import { initAll } from "../govuk/govuk-frontend.min.js";

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
