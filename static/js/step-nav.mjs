// "What happens and when": show and hide each step, and all of them at once (the GOV.UK step-by-step
// navigation pattern). Progressive enhancement only: without this file every step is open and readable.

// The buttons' words, in the page's language: the template gives them as data-words-* attributes
// (includes/step_nav.html); English where it does not.
const ENGLISH = { showAll: "Show all steps", hideAll: "Hide all steps", show: "Show", hide: "Hide", thisStep: "this step" };

function wordsFor(nav) {
  const words = { ...ENGLISH };
  Object.keys(words).forEach((key) => {
    const given = nav.dataset[`words${key[0].toUpperCase()}${key.slice(1)}`];
    if (given) words[key] = given;
  });
  return words;
}

function makeTitleButton(title, panel, words) {
  const text = title.querySelector(".portal-step-nav__title-text");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "portal-step-nav__button portal-step-nav__button--title";
  button.setAttribute("aria-controls", panel.id);
  const toggle = document.createElement("span");
  toggle.className = "portal-step-nav__toggle";
  toggle.innerHTML =
    '<span class="portal-step-nav__chevron" aria-hidden="true"></span>' +
    '<span class="portal-step-nav__toggle-text"></span>' +
    '<span class="govuk-visually-hidden"></span>';
  toggle.lastElementChild.textContent = ` ${words.thisStep}`;
  text.replaceWith(button);
  button.append(text, toggle);
  return button;
}

function setOpen(step, open, words) {
  step.panel.hidden = !open;
  step.button.setAttribute("aria-expanded", String(open));
  step.button.querySelector(".portal-step-nav__toggle-text").textContent = open ? words.hide : words.show;
}

function enhance(nav) {
  const words = wordsFor(nav);
  const steps = [...nav.querySelectorAll(".portal-step-nav__step")].map((item) => {
    const panel = item.querySelector(".portal-step-nav__panel");
    const button = makeTitleButton(item.querySelector(".portal-step-nav__title"), panel, words);
    return { item, panel, button };
  });
  if (!steps.length) return;

  const controls = document.createElement("div");
  controls.className = "portal-step-nav__controls";
  const showAll = document.createElement("button");
  showAll.type = "button";
  showAll.className = "portal-step-nav__button portal-step-nav__button--controls";
  showAll.setAttribute("aria-controls", steps.map((step) => step.panel.id).join(" "));
  showAll.innerHTML = '<span class="portal-step-nav__chevron" aria-hidden="true"></span><span></span>';
  controls.append(showAll);
  nav.prepend(controls);

  const refreshShowAll = () => {
    const allOpen = steps.every((step) => !step.panel.hidden);
    showAll.setAttribute("aria-expanded", String(allOpen));
    showAll.lastElementChild.textContent = allOpen ? words.hideAll : words.showAll;
  };

  steps.forEach((step) => {
    setOpen(step, step.item.classList.contains("portal-step-nav__step--active"), words);
    step.button.addEventListener("click", () => {
      setOpen(step, step.panel.hidden, words);
      refreshShowAll();
    });
  });
  showAll.addEventListener("click", () => {
    const open = showAll.getAttribute("aria-expanded") !== "true";
    steps.forEach((step) => setOpen(step, open, words));
    refreshShowAll();
  });
  nav.classList.add("portal-step-nav--js");
  refreshShowAll();
}

document.querySelectorAll("[data-module='portal-step-nav']").forEach(enhance);
