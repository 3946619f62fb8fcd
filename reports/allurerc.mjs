// Allure 3 reads failure categories from its config, Allure 2 from the results folder; the suite writes
// allure-results/categories.json, so both renderers use the same buckets.
import { existsSync, readFileSync } from "node:fs";

const categoriesFile = "./allure-results/categories.json";

export default {
  name: "Matrix registration conformance",
  categories: existsSync(categoriesFile) ? JSON.parse(readFileSync(categoriesFile, "utf8")) : [],
};
