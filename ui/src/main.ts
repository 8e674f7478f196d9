// First, before any module reads the language.
import "./lib/locale";
import { mount } from "svelte";
import App from "./App.svelte";
import { askEarly } from "./lib/firstPage";
import { markOnce } from "./lib/marks";
import { router } from "./lib/router.svelte";
import "./styles/app.css";

const target = document.getElementById("app");
if (target) {
  // Only when the window opens on Today; any other route asks for its own.
  if (router.route.name === "today") askEarly();
  mount(App, { target });
}
markOnce("mounted");
