// First, before any module reads the language.
import "./lib/locale";
import { mount, unmount } from "svelte";
import App from "./App.svelte";
import { askEarly } from "./lib/firstPage";
import { markOnce } from "./lib/marks";
import { router } from "./lib/router.svelte";
import "./styles/app.css";

declare global {
  interface Window {
    /** Set by the shell before the page's scripts run while a file from an older release is upgraded. */
    __RAPPORT_UPGRADING__?: boolean;
  }
}

function start(target: HTMLElement) {
  // Only when the window opens on Today; any other route asks for its own.
  if (router.route.name === "today") askEarly();
  mount(App, { target });
}

const target = document.getElementById("app");
if (target && window.__RAPPORT_UPGRADING__) {
  // The upgrade's progress first; the app when the user has read where the copy is kept.
  void import("./views/UpgradeView.svelte").then(({ default: UpgradeView }) => {
    const view = mount(UpgradeView, {
      target,
      props: {
        ondone: () => {
          void unmount(view);
          start(target);
        },
      },
    });
  });
} else if (target) {
  start(target);
}
markOnce("mounted");
