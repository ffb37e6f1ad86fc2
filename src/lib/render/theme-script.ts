/**
 * The one inline script of every page: applied before first paint, it sets the saved theme so
 * a dark-mode reader never sees a white flash. It must be inline to run that early, so the page
 * adds its hash to the content security policy.
 */
export const THEME_SCRIPT =
  "try{var t=localStorage.getItem('atlas-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";
