// The editor page's picture picker, beside the easy read field. Loaded only on that page.
// Without this file, the link to the picture search page does the same: find a code, copy it.
//
// Type words to search; each result is a button. Choosing one puts its code, like [1F3E0], at the start of
// the line the cursor was on in the easy read field (replacing a code already there), then returns there.

const CODE_AT_START = /^\[[0-9A-Fa-f-]+\]\s*/;

function insertCode(field, code) {
  const text = field.value;
  const caret = field.selectionStart ?? text.length;
  const lineStart = text.lastIndexOf("\n", caret - 1) + 1;
  const lineEndAt = text.indexOf("\n", lineStart);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  const line = text.slice(lineStart, lineEnd);
  const rest = line.replace(CODE_AT_START, "").replace(/^\s+/, "");
  const newLine = `[${code}] ${rest}`;
  field.value = text.slice(0, lineStart) + newLine + text.slice(lineEnd);
  const after = lineStart + newLine.length;
  field.focus();
  field.setSelectionRange(after, after);
  field.dispatchEvent(new Event("input", { bubbles: true })); // the readability panel refreshes
}

function build(picker, field) {
  const id = "picture-picker-search";
  const wrapper = document.createElement("div");
  wrapper.innerHTML = `
    <label class="govuk-label govuk-label--s" for="${id}">Find a picture for the current line</label>
    <div class="govuk-hint" id="${id}-hint">Type a word, like home or phone, then choose a picture. Its code goes at the start of the line your cursor is on.</div>
    <input class="govuk-input govuk-!-width-two-thirds" id="${id}" type="search" autocomplete="off" spellcheck="false" aria-describedby="${id}-hint" aria-controls="${id}-results">
    <p class="govuk-body-s govuk-!-margin-top-2" id="${id}-status" role="status" aria-live="polite"></p>
    <ul class="govuk-list portal-picture-results" id="${id}-results"></ul>`;
  picker.prepend(wrapper);
  return {
    input: wrapper.querySelector("input"),
    status: wrapper.querySelector("[role='status']"),
    list: wrapper.querySelector("ul"),
  };
}

document.querySelectorAll("[data-module='portal-picture-picker']").forEach((picker) => {
  const field = picker.closest("form")?.querySelector("textarea[name='body_easy_read']");
  if (!field) return;
  const { input, status, list } = build(picker, field);
  let timer;
  let latest = 0;

  const show = (results, more) => {
    list.replaceChildren(
      ...results.map((picture) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "portal-picture-picker__button";
        button.dataset.code = picture.code;
        const image = document.createElement("img");
        image.src = picture.url;
        image.alt = "";
        image.width = 40;
        image.height = 40;
        const label = document.createElement("span");
        label.textContent = `${picture.name} [${picture.code}]`;
        button.append(image, label);
        item.append(button);
        return item;
      }),
    );
    if (!results.length) status.textContent = "No pictures found. Try another word.";
    else status.textContent = `${results.length} picture${results.length === 1 ? "" : "s"} found${more ? ": add a word to see fewer" : ""}.`;
  };

  const search = async () => {
    const query = input.value.trim();
    const asked = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const response = await fetch(`${picker.dataset.url}?q=${encodeURIComponent(query)}`, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      const data = await response.json();
      if (asked !== latest) return; // a newer search has started
      if (!response.ok) {
        list.replaceChildren();
        status.textContent = data.error || "The search did not work. Try again.";
        return;
      }
      show(data.results, data.more);
    } catch {
      if (asked === latest) status.textContent = "The search did not work. Use the link to the picture search.";
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  // Enter in the search box searches at once; it must not send the whole editor form.
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-code]");
    if (!button) return;
    insertCode(field, button.dataset.code);
    status.textContent = `[${button.dataset.code}] added to the line.`;
  });
});
