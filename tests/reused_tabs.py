"""Browser tabs handed from one test to the next, so that a test does not start a renderer.

Why: the suite is bound by the processor, and a new tab is the dearest thing a browser test
does. On 8 December 2026, counted by a cgroup's CPU accounting (which sees Chromium's
processes): a new context, a new tab and its first page cost about 1.6 processor-seconds
(the new renderer process alone about 0.7, even for a page that says only "hi"), and the
next page in the same tab about 0.4. The suite opens some 150 tabs. A context kept without
its tab (tried on 7 December) saved only 0.2 a test, because closing the tab ends its
renderer: here the tab is kept too.

How a test stays on its own: `browser.new_context(**options)` (and `browser.new_page`) give a
ReusedContext whose first tab is a ReusedTab. Both let through only what SAFE_FOR_TAB and
SAFE_FOR_CONTEXT name, the calls that leave nothing behind once the tab has left the page.
Two more are let through and undone: permissions (cleared), and an init script added as text
before the tab's first page, which stays with the tab, so the tab is handed on only to a test
that adds the same scripts (ReusedContext.add_tab_init_script swaps in such a tab, moving
the test's listeners and permissions to it). Anything else a test reaches for (a clock, an
init script added later, a route, a media or viewport change, a DevTools session) marks the
pair as used up: it works as
Playwright's own, and the context is closed at the end of the test, never handed on. So a
test that changes something the next one could see, whether or not this list foresaw it, gets
a context of its own, as every test did before. What a handed-on tab could still carry is
cleared when the test closes its context (ReusedContext._clear): its listeners, permissions
and other tabs, the page (the tab goes to about:blank), cookies, local and session storage, IndexedDB
and caches of every origin it visited (session storage too), and the HTTP cache. The mouse's
place needs nothing: a new page is hovered only when the mouse next moves.
tests/browser/test_reused_tabs_browser.py shows the next test finds none of it."""

from __future__ import annotations

from urllib.parse import urlparse

# Reading the page, waiting, and using it as a reader would (keys, mouse, forms, printing
# to a PDF, screenshots, downloads): nothing here outlives the page the tab shows.
SAFE_FOR_TAB = frozenset(
    {
        "goto", "reload", "url", "title", "content", "main_frame", "frames", "frame", "is_closed",
        "evaluate", "evaluate_handle", "eval_on_selector", "eval_on_selector_all",
        "query_selector", "query_selector_all", "wait_for_selector", "wait_for_function",
        "locator", "frame_locator", "get_by_role", "get_by_text", "get_by_label", "get_by_placeholder",
        "get_by_test_id", "get_by_title", "get_by_alt_text",
        "click", "dblclick", "fill", "type", "press", "check", "uncheck", "set_checked", "select_option",
        "focus", "hover", "tap", "dispatch_event", "set_input_files",
        "inner_text", "inner_html", "text_content", "get_attribute", "input_value",
        "is_checked", "is_visible", "is_hidden", "is_enabled", "is_disabled", "is_editable",
        "keyboard", "mouse", "viewport_size",
        "wait_for_load_state", "wait_for_url", "wait_for_timeout", "wait_for_event",
        "expect_download", "expect_event", "expect_request", "expect_response", "expect_navigation",
        "expect_console_message", "expect_file_chooser",
        "screenshot", "pdf", "bring_to_front",
    }
)  # fmt: skip
SAFE_FOR_CONTEXT = frozenset(
    {"cookies", "pages", "browser", "storage_state", "expect_page", "expect_event", "wait_for_event"}
)


def _origin(url: str) -> str | None:
    parts = urlparse(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


class ReusingBrowser:
    """The test session's Chromium, as the tests' `browser`: contexts and their first tab are
    handed on from test to test (module docstring). Everything else is Playwright's Browser."""

    def __init__(self, browser):
        self._browser = browser
        # (options, the tab's init scripts) -> (context, its tab)
        self._spare: dict[tuple[str, tuple[str, ...]], tuple[object, object]] = {}

    def new_context(self, **options) -> ReusedContext:
        key = repr(sorted(options.items()))
        context, tab = self.take(key, ()) or (self._browser.new_context(**options), None)
        return ReusedContext(self, key, context, tab)

    def take(self, key: str, scripts: tuple[str, ...]) -> tuple[object, object] | None:
        return self._spare.pop((key, scripts), None)

    def new_page(self, **options) -> ReusedTab:
        """As Browser.new_page: a tab in a context of its own, which closing the tab closes."""
        context = self.new_context(**options)
        tab = context.new_page()
        tab._closes_context = True
        return tab

    def give_back(self, key: str, scripts: tuple[str, ...], context, tab) -> None:
        if (key, scripts) in self._spare:
            context.close()
        else:
            self._spare[(key, scripts)] = (context, tab)

    def __getattr__(self, name: str):
        return getattr(self._browser, name)  # version, close, contexts


class ReusedContext:
    """A Playwright BrowserContext lent for one test (ReusingBrowser); close() hands it on."""

    def __init__(self, lender: ReusingBrowser, key: str, context, tab):
        self._lender, self._key, self._context, self._kept_tab = lender, key, context, tab
        self._tab: ReusedTab | None = None
        self._listeners: list[tuple[str, object]] = []
        self._granted: list[tuple[tuple, dict]] = []  # grant_permissions' arguments
        self._scripts: tuple[str, ...] = ()  # the tab's init scripts, in the order added
        self._origins: set[str] = set()
        self._navigated = False
        self.used_up = False  # True once the test has done what may outlive it
        self._closed = False

    def new_page(self):
        if self._tab is not None:  # a second tab: Playwright's own, closed at the end
            return self._context.new_page()
        page = self._kept_tab or self._context.new_page()
        page.on("framenavigated", self._note_origin)
        self._tab = ReusedTab(self, page)
        return self._tab

    def _note_origin(self, frame) -> None:
        self._navigated = True
        origin = _origin(frame.url)
        if origin:
            self._origins.add(origin)

    def grant_permissions(self, *args, **kwargs) -> None:
        self._granted.append((args, kwargs))
        self._context.grant_permissions(*args, **kwargs)

    def add_tab_init_script(self, script) -> None:
        """page.add_init_script(script) before the tab's first page: take a kept tab that
        already runs these scripts if there is one, and hand this one back unused."""
        scripts = (*self._scripts, script)
        spare = self._lender.take(self._key, scripts)
        if spare is None:
            self._tab._page.add_init_script(script)
        else:
            old_context, old_tab = self._context, self._tab._page
            self._context, self._tab._page = spare
            for event, handler in self._listeners:
                old_context.remove_listener(event, handler)
                self._context.on(event, handler)
            for event, handler in self._tab._listeners:
                old_tab.remove_listener(event, handler)
                self._tab._page.on(event, handler)
            old_tab.remove_listener("framenavigated", self._note_origin)
            self._tab._page.on("framenavigated", self._note_origin)
            for args, kwargs in self._granted:
                self._context.grant_permissions(*args, **kwargs)
            old_context.clear_permissions()
            self._lender.give_back(self._key, self._scripts, old_context, old_tab)
        self._scripts = scripts

    def on(self, event: str, handler) -> None:
        self._listeners.append((event, handler))
        self._context.on(event, handler)

    def remove_listener(self, event: str, handler) -> None:
        self._listeners.remove((event, handler))
        self._context.remove_listener(event, handler)

    def new_cdp_session(self, page):
        self.used_up = True
        return self._context.new_cdp_session(page._page if isinstance(page, ReusedTab) else page)

    def __getattr__(self, name: str):
        if name.startswith("_"):  # Playwright looks for its own marks on a listener's owner
            raise AttributeError(name)
        if name not in SAFE_FOR_CONTEXT:
            self.used_up = True
        return getattr(self._context, name)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        tab = self._tab._page if self._tab else self._kept_tab
        if self.used_up or tab is None or tab.is_closed():
            self._context.close()
            return
        try:
            self._clear(tab)
        except Exception:  # noqa: BLE001 - a context that cannot be cleared is not handed on
            self._context.close()
            return
        self._lender.give_back(self._key, self._scripts, self._context, tab)

    def _clear(self, tab) -> None:
        for page in self._context.pages:
            if page is not tab:
                page.close()
        for event, handler in self._listeners:
            self._context.remove_listener(event, handler)
        if self._tab is not None:
            for event, handler in self._tab._listeners:
                tab.remove_listener(event, handler)
            tab.remove_listener("framenavigated", self._note_origin)
        tab.goto("about:blank")  # ends the page's timers, workers and requests
        session = self._context.new_cdp_session(tab)
        try:
            for origin in sorted(self._origins):  # "all" includes the tab's session storage
                session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
            session.send("Network.clearBrowserCache")
        finally:
            session.detach()
        self._context.clear_cookies()
        self._context.clear_permissions()


class ReusedTab:
    """A Playwright Page lent for one test, with only SAFE_FOR_TAB let through untouched."""

    def __init__(self, context: ReusedContext, page):
        self._context, self._page = context, page
        self._listeners: list[tuple[str, object]] = []
        self._closes_context = False

    @property
    def context(self) -> ReusedContext:
        return self._context

    def on(self, event: str, handler) -> None:
        self._listeners.append((event, handler))
        self._page.on(event, handler)

    def once(self, event: str, handler) -> None:
        self._listeners.append((event, handler))
        self._page.once(event, handler)

    def remove_listener(self, event: str, handler) -> None:
        self._listeners.remove((event, handler))
        self._page.remove_listener(event, handler)

    def add_init_script(self, script=None, path=None) -> None:
        """Before the tab's first page, a script (as text) goes with the tab: it is handed on
        only to a test that adds the same scripts. Later, or from a file, it uses the tab up."""
        if script is None or path is not None or self._context._navigated:
            self._context.used_up = True
            self._page.add_init_script(script=script, path=path)
        else:
            self._context.add_tab_init_script(script)

    def close(self) -> None:
        if self._closes_context:  # a tab from browser.new_page: its context goes with it
            self._context.close()
        else:
            self._context.used_up = True  # the context has no tab left to hand on
            self._page.close()

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in SAFE_FOR_TAB:
            self._context.used_up = True
        return getattr(self._page, name)
