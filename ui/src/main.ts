// First, before any module reads the language.
import "./lib/locale";
import { mount } from "svelte";
import App from "./App.svelte";
import { markOnce } from "./lib/marks";
import "./styles/app.css";

const target = document.getElementById("app");
if (target) mount(App, { target });
markOnce("mounted");
