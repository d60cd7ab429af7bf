/* Material for MkDocs 9.8.1, partials/javascripts/outdated.html, moved into a file so that no
   page carries an inline script (SECURITY.md). The base address comes from data-md-base. */
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.dataset.mdBase),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
