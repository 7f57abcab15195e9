// Builds static/dist/: the branded CSS, and the parts of GOV.UK Frontend the site uses.
// Run by `make` (npm run build); the output is not committed.
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "static", "dist");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "css"), { recursive: true });

const result = sass.compile(join(root, "static", "scss", "portal.scss"), {
  importers: [new sass.NodePackageImporter()],
  style: "compressed",
  sourceMap: false,
  quietDeps: true,
});
writeFileSync(join(dist, "css", "portal.css"), result.css);

// Only the built script and the images the CSS refers to: not all of dist/.
mkdirSync(join(dist, "govuk", "assets"), { recursive: true });
cpSync(join(govuk, "govuk-frontend.min.js"), join(dist, "govuk", "govuk-frontend.min.js"));
cpSync(join(govuk, "assets", "images"), join(dist, "govuk", "assets", "images"), { recursive: true });
cpSync(join(root, "static", "js"), join(dist, "js"), { recursive: true });
cpSync(join(root, "static", "images"), join(dist, "images"), { recursive: true });

// OpenMoji (CC BY-SA 4.0), the pictures beside each line of the guide's easy read version. Only the colour
// pictures an editor might choose: no skin-tone variants (easy read uses the default figures), flags, brand
// logos or draft Unicode proposals. That keeps about 1,900 of its 4,500 files, so the build and
// collectstatic stay quick. index.json is what the editors' picture search reads (practice_guide/pictures.py):
// [code, name, keywords] for each picture.
const openmoji = join(root, "node_modules", "openmoji");
const skippedGroups = new Set(["flags", "component", "extras-unicode"]);
const skippedSubgroups = new Set(["brand", "flags"]);
const pictures = JSON.parse(readFileSync(join(openmoji, "data", "openmoji.json"), "utf8")).filter(
  (entry) => !entry.skintone && !skippedGroups.has(entry.group) && !skippedSubgroups.has(entry.subgroups),
);
mkdirSync(join(dist, "openmoji"), { recursive: true });
const index = pictures.map((entry) => {
  copyFileSync(join(openmoji, "color", "svg", `${entry.hexcode}.svg`), join(dist, "openmoji", `${entry.hexcode}.svg`));
  const words = `${entry.tags}, ${entry.openmoji_tags}`.split(",").map((word) => word.trim().toLowerCase());
  return [entry.hexcode, entry.annotation, [...new Set(words.filter(Boolean))].join(" ")];
});
writeFileSync(join(dist, "openmoji", "index.json"), JSON.stringify(index));
console.log("Built static/dist/");
