// Builds static/dist/: the branded CSS, and the parts of GOV.UK Frontend the site uses.
// Run by `make` (npm run build); the output is not committed.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileSync } from "node:fs";
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
console.log("Built static/dist/");
