"""The web surface: the REST API under ``/api/v1`` and the dashboard, one ASGI app over ``views``.

    $ treatywatch serve --port 8000          # http://127.0.0.1:8000/ (dashboard), /api/v1/docs (API)

Every page and every JSON answer is built from the same view dict (``views.py``); the HTML
templates (``templates/``) only lay it out, with autoescaping on, so a stored ``<script>`` is
shown as text.  Every asset is served from the package (``static/``), so no page makes a
request to another host.  Writes (ingest an article, review an event) need the bearer token
of the ``token`` setting (``TREATYWATCH_TOKEN``): 401 without one, 403 with a wrong one.
Errors of the API are ``application/problem+json`` (RFC 9457) with a detail saying what to do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import json
import logging
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable
from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import urlparse

from fastapi import Depends, FastAPI, Form, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import alerts, baselines, consolidate, views
from .api import ingest
from .errors import TreatywatchError, UnknownTreatyError
from .ingest import article_from_record
from .ledger import Ledger, change_marker
from .models import ACTIONS, STANCES, STATUSES
from .output import csv_text
from .registry import Registry, load_registry
from .settings import load_settings

logger = logging.getLogger(__name__)

API = "/api/v1"
CSRF_COOKIE = "treatywatch_csrf"
STATE = Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code, e.g. LTU")]
STATE_Q = Query(None, pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code, e.g. LTU")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
BEARER = HTTPBearer(auto_error=False, description="the server's TREATYWATCH_TOKEN")
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
ANSWERS_BYTES = 64 << 20  # most bytes of encoded answers kept (about 1,300 status answers of 50 KB)


class Problem(Exception):
    """An error answered as ``application/problem+json`` (or an error page for the dashboard)."""

    def __init__(self, status: int, title: str, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.headers = status, title, detail, headers or {}


class _SecurityHeaders:
    """Pure ASGI middleware: a content security policy (scripts and everything else from this
    server only) and a few other protective headers on every answer."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = (DOCS_CSP if scope["path"] == f"{API}/docs" else CSP).encode()

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                for name, value in ((b"content-security-policy", policy), (b"x-content-type-options", b"nosniff"),
                                    (b"referrer-policy", b"same-origin")):
                    if name not in names:
                        headers.append((name, value))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _Answers:
    """Encoded JSON answers, kept while the ledger is unchanged.

    Every lookup first reads the ledger's change marker (``ledger.change_marker``): a commit by
    this server or by any other process (``treatywatch ingest``, ``review``) empties the store,
    and an answer built while a commit landed is not kept, so no answer is older than the
    ledger.  At most ``max_bytes`` are kept, the least recently used dropped first.  Without a
    marker (PostgreSQL, in-memory) every answer is built afresh."""

    def __init__(self, marker: Callable[[], int] | None, max_bytes: int = ANSWERS_BYTES) -> None:
        self.marker = marker
        self.max_bytes = max_bytes
        self.lock = threading.Lock()
        self.seen: int | None = None
        self.kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self.size = 0

    def get(self, key: Callable[[], Hashable], build: Callable[[], bytes]) -> bytes:
        """The answer kept under ``key()``, or the one ``build`` makes.  Both may read the ledger:
        an answer is used or kept only if no commit landed from before ``key()`` to after it or ``build``."""
        if self.marker is None:
            return build()
        with self.lock:
            before = self._current(self.marker)
        wanted = key()
        with self.lock:
            body = self.kept.get(wanted)
            if body is not None and self._current(self.marker) == before:
                self.kept.move_to_end(wanted)
                return body
        body = build()
        with self.lock:
            if self._current(self.marker) == before and wanted not in self.kept and len(body) <= self.max_bytes:
                self.kept[wanted] = body
                self.size += len(body)
                while self.size > self.max_bytes:
                    self.size -= len(self.kept.popitem(last=False)[1])
        return body

    def _current(self, marker: Callable[[], int]) -> int:
        """The marker now; the store is emptied if it moved since it was last read."""
        now = marker()
        if now != self.seen:
            self.kept.clear()
            self.size = 0
            self.seen = now
        return now


class _Ledgers:
    """One ``Ledger`` (SQLite connection) per thread, over one file and one registry, and the
    answers kept while that file is unchanged."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        dirs = [d for d in str(settings["registry"]).split(os.pathsep) if d]
        self.registry: Registry = load_registry(*dirs)
        self.local = threading.local()
        self.get()  # create and migrate the file (and load the bundled tables) once, up front
        self.answers = _Answers(change_marker(str(settings["db"])))

    def get(self) -> Ledger:
        ledger: Ledger | None = getattr(self.local, "ledger", None)
        if ledger is None:
            s = self.settings
            ledger = baselines.Ledger(str(s["db"]), registry=self.registry, baseline=bool(s["baseline"]),
                            min_confidence=float(s["min_confidence"]), merge_window_days=int(s["merge_window_days"]))
            self.local.ledger = ledger
        return ledger


# -- request bodies ---------------------------------------------------------------------------------
class ArticleIn(BaseModel):
    """An article to ingest (the JSON input format of ``treatywatch ingest``)."""

    title: str = Field(min_length=1, max_length=1000)
    text: str = Field(min_length=1, max_length=5_000_000)
    published: str | None = Field(None, description="ISO 8601 or RFC 2822 date and time", max_length=100)
    source: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    language: str | None = Field(None, pattern=r"^[a-z]{2,3}$")


class ReviewIn(BaseModel):
    """A reviewer's verdict on an event."""

    verdict: Literal["confirm", "reject", "edit"]
    by: str = Field(min_length=1, max_length=200, description="who reviews")
    reason: str = Field(min_length=1, max_length=2000, description="the evidence the reviewer relied on")
    date: dt.date | None = Field(None, description="edit: the act's correct date")
    action: Literal[ACTIONS] | None = Field(None, description="edit: the correct action")  # type: ignore[valid-type]
    effective: dt.date | None = Field(None, description="edit: the date the act takes effect")


# -- the app --------------------------------------------------------------------------------------
def create_app(settings: dict[str, Any] | None = None, **overrides: Any) -> FastAPI:
    """The ASGI app over the ledger named by ``settings`` (default: the effective settings)."""
    settings = dict(settings or load_settings(overrides=overrides))
    settings.update({k: v for k, v in overrides.items() if v is not None})
    ledgers = _Ledgers(settings)
    wake = threading.Event()
    templates = Environment(loader=PackageLoader("treatywatch", "templates"),
                            autoescape=select_autoescape(default=True, default_for_string=True))
    templates.globals.update(statuses=STATUSES, api=API)
    templates.filters["status_label"] = lambda s: str(s or "").replace("_", " ")

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        thread = threading.Thread(target=_deliverer, args=(settings, ledgers, wake, stop), daemon=True,
                                  name="treatywatch-webhooks")
        thread.start()
        yield
        stop.set()
        wake.set()
        thread.join(timeout=5)

    app = FastAPI(title="treatywatch", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=f"{API}/openapi.json",
                  description="Which state is bound by which treaty, on any date, and how we know. Reads are public; "
                              "writes need `Authorization: Bearer <TREATYWATCH_TOKEN>`. Errors are "
                              "`application/problem+json`.")
    app.state.ledgers = ledgers
    app.state.settings = settings
    static = resources.files("treatywatch").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    def ledger() -> Ledger:
        return ledgers.get()

    def kept(key: Hashable, build: Callable[[], Any]) -> Response:
        """The JSON answer of ``build()``, kept under ``key`` until the ledger changes."""
        return _json_bytes(ledgers.answers.get(lambda: key, lambda: _encode(build())))

    def base_url(request: Request) -> str:
        return str(settings.get("public_url") or "") or str(request.base_url).rstrip("/")

    def check_token(given: str | None) -> None:
        expected = str(settings.get("token") or "")
        if not given:
            raise Problem(401, "Token required", "This is a write: send the server's token as "
                          "'Authorization: Bearer <token>' (the token is the TREATYWATCH_TOKEN the server was started with).",
                          headers={"WWW-Authenticate": "Bearer"})
        if not expected:
            raise Problem(403, "Writes disabled", "The server was started without a token, so it accepts no writes; "
                          "restart it with TREATYWATCH_TOKEN set.")
        if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
            raise Problem(403, "Wrong token", "The token does not match the server's TREATYWATCH_TOKEN; check it and send it again.")

    async def require_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]) -> None:
        check_token(credentials.credentials if credentials else None)

    def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        html = templates.get_template(name).render(request=request, path=request.url.path, **context)
        return HTMLResponse(html, status_code=status)

    # -- errors ------------------------------------------------------------------------------------
    def is_api(request: Request) -> bool:
        return request.url.path.startswith((API, "/feeds/"))

    def problem_response(request: Request, p: Problem) -> Response:
        if is_api(request):
            body = {"type": "about:blank", "title": p.title, "status": p.status, "detail": p.detail,
                    "instance": request.url.path}
            return JSONResponse(body, status_code=p.status, media_type="application/problem+json", headers=p.headers)
        return render(request, "error.html", {"title": p.title, "status": p.status, "detail": p.detail}, p.status)

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> Response:
        return problem_response(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"Nothing at {request.url.path}; see {API}/docs for the API, or / for the dashboard."
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}; see {API}/docs."
        title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "Error")
        return problem_response(request, Problem(exc.status_code, title, detail, dict(exc.headers or {})))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = " ".join(str(x) for x in err.get("loc", ()))
            parts.append(f"{where}: {err.get('msg')}")
        detail = "; ".join(parts) + ". Dates are YYYY-MM-DD, states ISO 3166-1 alpha-3 codes (e.g. LTU)."
        return problem_response(request, Problem(422, "Invalid request", detail))

    @app.exception_handler(TreatywatchError)
    async def on_error(request: Request, exc: TreatywatchError) -> Response:
        status = 404 if isinstance(exc, (UnknownTreatyError, views.NotFound)) else 400
        title = "Not found" if status == 404 else "Bad request"
        return problem_response(request, Problem(status, title, str(exc)))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        logger.exception("error answering %s", request.url.path)
        return problem_response(request, Problem(500, "Server error", f"{type(exc).__name__}: the server failed; "
                                                 "the error is in its log. Report it with the address you asked for."))

    app.add_middleware(_SecurityHeaders)

    # -- REST API: the hot read paths are coroutines (answered on the event loop in a few ms, with no
    # thread hop); the heavier or writing ones run in the thread pool. ----------------------------------------------------------------------------------
    @app.get(f"{API}/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=f"{API}/openapi.json", title="treatywatch API",
                                   swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg",
                                   swagger_ui_parameters={"validatorUrl": None})

    @app.get(f"{API}/treaties", tags=["treaties"], summary="Treaties of the registry, with their rules")
    async def api_treaties() -> Any:
        return kept(("treaties",), lambda: views.treaties(ledger()))

    @app.get(f"{API}/treaties/{{treaty_id}}", tags=["treaties"], summary="One treaty, its rules and record table")
    async def api_treaty(treaty_id: str) -> Any:
        return kept(("treaty", treaty_id), lambda: views.treaty(ledger(), treaty_id))

    @app.get(f"{API}/treaties/{{treaty_id}}/status", tags=["status"], summary="Status of every state on a date (JSON or CSV)",
             responses={200: {"content": {"text/csv": {}}}})
    async def api_status(treaty_id: str, as_of: dt.date | None = Query(None, description="YYYY-MM-DD; default today"),
                   state: str | None = STATE_Q, format: Literal["json", "csv"] = "json") -> Any:
        day = as_of or dt.date.today()
        if format == "json" and not state:  # the rows are the same for every day of a period: kept by period
            led = ledger()
            asked = views.status_asked(led, treaty_id, day)
            found = ledgers.answers.get(lambda: ("status", asked["treaty"], views.status_period(led, asked["treaty"], day)),
                                        lambda: _encode(views.status_found(led, asked["treaty"], day)))
            return _json_bytes(_encode(asked)[:-1] + b"," + found[1:])  # one object: the keys of both
        data = views.status(ledger(), treaty_id, day, state=state.upper() if state else None)
        if format == "csv":
            return Response(csv_text(data["statuses"], ["state", "name", "status", "since", "effective", "note", "events", "basis"]),
                            media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{data["treaty"]}-{data["as_of"]}.csv"'})
        return _json(data)

    @app.get(f"{API}/treaties/{{treaty_id}}/count", tags=["status"], summary="How many parties are bound, over time")
    def api_count(treaty_id: str, start: dt.date = Query(alias="from"), end: dt.date = Query(alias="to"),
                  every: Literal["day", "week", "month", "year"] = "month",
                  parties: Literal["all", "states", "organisations"] = "all") -> Any:
        return kept(("count", treaty_id, start, end, every, parties),
                    lambda: views.count(ledger(), treaty_id, start, end, every, parties))

    @app.get(f"{API}/treaties/{{treaty_id}}/diff", tags=["status"], summary="Who joined or left between two dates")
    def api_diff(treaty_id: str, start: dt.date = Query(alias="from"), end: dt.date = Query(alias="to")) -> Any:
        return kept(("diff", treaty_id, start, end), lambda: views.diff(ledger(), treaty_id, start, end))

    @app.get(f"{API}/treaties/{{treaty_id}}/reconcile", tags=["status"],
             summary="News compared with the depositary's record (news_ahead, dates_differ, record_only)")
    def api_reconcile(treaty_id: str, since: dt.date | None = None,
                      kind: Literal["all", "news_ahead", "dates_differ", "record_only"] = "all") -> Any:
        return _json(views.reconcile(ledger(), treaty_id, since, kind))

    @app.get(f"{API}/events", tags=["events"], summary="Events, filtered and paginated")
    async def api_events(treaty: str | None = None, state: str | None = STATE_Q,
                   action: Literal[ACTIONS] | None = None,  # type: ignore[valid-type]
                   source: Literal["all", "news", "records"] = "all", since: dt.date | None = None,
                   until: dt.date | None = None, limit: int = Query(50, ge=1, le=500),
                   offset: int = Query(0, ge=0, le=10_000_000),
                   order: Literal["pair", "newest"] = "pair") -> Any:
        key = ("events", treaty, state.upper() if state else None, action, source, since, until, limit, offset, order)
        return kept(key, lambda: views.events(ledger(), treaty=treaty, state=key[2], action=action, source=source,
                                              since=since, until=until, limit=limit, offset=offset,
                                              newest_first=order == "newest"))

    @app.get(f"{API}/events/{{event_id}}", tags=["events"],
             summary="One event: evidence spans, every source, conflicts, statements, reviews and audit log")
    async def api_event(event_id: str) -> Any:
        def build() -> dict[str, Any]:
            data = views.event(ledger(), event_id)
            for source in data["sources"]:
                source.pop("pieces", None)
            return data

        return kept(("event", event_id), build)

    @app.post(f"{API}/events/{{event_id}}/review", tags=["reviews"], dependencies=[Depends(require_token)],
              summary="Confirm, reject or edit an event (needs the token)")
    def api_review(event_id: str, review: ReviewIn) -> Any:
        result = _review(event_id, review.verdict, review.by, review.reason, date=review.date, action=review.action,
                         effective=review.effective)
        return _json({"event": views.event_dict(result) if result else None, "audit": ledger().audit_log(event_id)})

    def _review(event_id: str, verdict: str, by: str, reason: str, **changes: Any) -> Any:
        led = ledger()
        if led.event(event_id) is None:
            raise views.NotFound(f"no event '{event_id}'; list events at {API}/events")
        result = consolidate.review(led, event_id, verdict, by, reason, **{k: v for k, v in changes.items() if v is not None})
        wake.set()
        return result

    @app.get(f"{API}/reviews", tags=["reviews"], summary="Events a person should check, with the reasons")
    def api_reviews() -> Any:
        return _json(views.review_queue(ledger()))

    @app.get(f"{API}/audit", tags=["reviews"], summary="The audit log of every verdict")
    def api_audit(event: str | None = None) -> Any:
        return _json(views.audit(ledger(), event))

    @app.get(f"{API}/articles", tags=["sources"], summary="Stored articles (sources), newest first")
    def api_articles(q: str | None = Query(None, max_length=200), limit: int = Query(50, ge=1, le=500),
                     offset: int = Query(0, ge=0, le=10_000_000)) -> Any:
        return _json(views.articles(ledger(), q, limit, offset))

    @app.post(f"{API}/articles", tags=["sources"], dependencies=[Depends(require_token)], status_code=201,
              summary="Ingest one article (needs the token)")
    def api_ingest(article: ArticleIn) -> Any:
        record = article.model_dump()
        item = article_from_record(record, f"api-{secrets.token_hex(6)}", "<api>",
                                   int(settings["max_article_bytes"]))
        led = ledger()
        before = led.last_change()
        with _INGEST_LOCK:
            report = ingest([], led, _extractor(settings), items=[item])
        wake.set()
        return _json({"summary": report.summary(), "ingested": report.ingested, "duplicates": report.duplicates,
                      "claims": report.claims, "changes": led.changes(after=before, limit=1000, newest_first=False)},
                     201)

    @app.get(f"{API}/articles/{{article_id:path}}", tags=["sources"], summary="One article with its claims")
    def api_article(article_id: str) -> Any:
        data = views.article(ledger(), article_id)
        data.pop("pieces", None)
        return _json(data)

    @app.get(f"{API}/states/{{state}}/timeline", tags=["status"], summary="A state's status changes across every treaty")
    async def api_timeline(state: STATE) -> Any:
        return kept(("timeline", state.upper()), lambda: views.timeline(ledger(), state))

    @app.get(f"{API}/claims", tags=["events"], summary="Claims extracted from the sources")
    def api_claims(state: str | None = STATE_Q, treaty: str | None = None, article: str | None = None,
                   limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=10_000_000)) -> Any:
        return _json(views.claims(ledger(), state.upper() if state else None, treaty, article, limit, offset))

    @app.get(f"{API}/quotes", tags=["statements"], summary="Direct quotations with speaker, role, state and channel")
    def api_quotes(state: str | None = STATE_Q, treaty: str | None = None) -> Any:
        return _json(views.quotes(ledger(), state.upper() if state else None, treaty))

    @app.get(f"{API}/statements", tags=["statements"], summary="Statements about acts: speaker, stance, reasons")
    def api_statements(treaty: str | None = None, state: str | None = STATE_Q, event: str | None = None,
                       stance: Literal[STANCES] | None = None,  # type: ignore[valid-type]
                       reason: str | None = None) -> Any:
        return _json(views.statements(ledger(), treaty, state.upper() if state else None, event, stance, reason))

    @app.get(f"{API}/rejects", tags=["sources"], summary="Inputs that could not be read, with the reason")
    def api_rejects() -> Any:
        return _json(views.rejects(ledger()))

    # -- feeds -------------------------------------------------------------------------------------
    def feed(request: Request, title: str, treaty: str | None = None, state: str | None = None) -> Response:
        body = alerts.atom_feed(ledger().changes(treaty=treaty, state=state, limit=100), base_url(request),
                                request.url.path, title)
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    @app.get("/feeds/events.atom", tags=["feeds"], summary="Atom feed of new and changed events")
    def feed_all(request: Request) -> Response:
        return feed(request, "treatywatch: new and changed events")

    @app.get("/feeds/treaties/{treaty_id}.atom", tags=["feeds"], summary="Atom feed of one treaty's events")
    def feed_treaty(request: Request, treaty_id: str) -> Response:
        t = ledger().registry.get(treaty_id)
        return feed(request, f"treatywatch: {t.short_name}", treaty=t.id)

    @app.get("/feeds/states/{state}.atom", tags=["feeds"], summary="Atom feed of one state's events")
    def feed_state(request: Request, state: STATE) -> Response:
        return feed(request, f"treatywatch: {views.state_name(state.upper())}", state=state.upper())

    # -- dashboard ---------------------------------------------------------------------------------
    def page_date(value: str | None) -> dt.date:
        if not value:
            return dt.date.today()
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise Problem(400, "Not a date", f"{value!r} is not a date; use YYYY-MM-DD") from None

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return render(request, "home.html", views.home(ledger(), dt.date.today()))

    @app.get("/treaties", response_class=HTMLResponse, include_in_schema=False)
    def treaties_page(request: Request) -> HTMLResponse:
        return render(request, "treaties.html", views.treaties(ledger()))

    @app.get("/treaties/{treaty_id}", response_class=HTMLResponse, include_in_schema=False)
    def treaty_page(request: Request, treaty_id: str, date: str | None = None) -> HTMLResponse:
        led = ledger()
        day = page_date(date)
        today = dt.date.today()
        info = views.treaty(led, treaty_id)
        start, end, every = views.chart_span(led, info["id"], today)
        counts = views.count(led, info["id"], start, end, every)
        slider_min = start.replace(day=1) if start < day else day
        slider_max = max(today + dt.timedelta(days=366), day)
        return render(request, "treaty.html", {
            "treaty": info, "status": views.status(led, info["id"], day), "counts": counts,
            "chart": _chart(counts["counts"]), "date": day.isoformat(),
            "slider": {"min": slider_min.isoformat(), "max": slider_max.isoformat(),
                       "value": (day - slider_min).days, "days": (slider_max - slider_min).days}})

    @app.get("/treaties/{treaty_id}/table", response_class=HTMLResponse, include_in_schema=False)
    def treaty_table(request: Request, treaty_id: str, date: str | None = None) -> HTMLResponse:
        led = ledger()
        return render(request, "_status_table.html",
                      {"treaty": views.treaty(led, treaty_id), "status": views.status(led, treaty_id, page_date(date))})

    @app.get("/states/{state}", response_class=HTMLResponse, include_in_schema=False)
    def state_page(request: Request, state: STATE) -> HTMLResponse:
        return render(request, "state.html", views.timeline(ledger(), state))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        response = render(request, "event.html", {**views.event(ledger(), event_id), "csrf": token,
                                                  "actions": ACTIONS})
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
        return response

    @app.post("/events/{event_id}/review", include_in_schema=False)
    def event_review_form(request: Request, event_id: str, verdict: Annotated[str, Form()],
                          by: Annotated[str, Form()] = "", reason: Annotated[str, Form()] = "",
                          date: Annotated[str, Form()] = "", csrf: Annotated[str, Form()] = "",
                          token: Annotated[str, Form()] = "") -> Response:
        cookie = request.cookies.get(CSRF_COOKIE) or ""
        origin = request.headers.get("origin")
        if origin and urlparse(origin).netloc != request.url.netloc:
            raise Problem(403, "Cross-site form", "This form was sent from another site; reviews are accepted only from "
                          "this dashboard's own event page.")
        if not cookie or not csrf or not hmac.compare_digest(cookie.encode(), csrf.encode()):
            raise Problem(403, "Form expired", "The form's protection token is missing or does not match; reload the "
                          "event page and send the review again.")
        check_token(token or None)
        if verdict not in ("confirm", "reject", "edit"):
            raise Problem(400, "Unknown verdict", "Choose confirm, reject or edit.")
        result = _review(event_id, verdict, by, reason, date=page_date(date) if date else None)
        target = result.id if result is not None else event_id
        return RedirectResponse(f"/events/{target}#audit", status_code=303)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        return render(request, "article.html", views.article(ledger(), article_id))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "") -> HTMLResponse:
        return render(request, "search.html", views.search(ledger(), q[:200]))

    return app


_INGEST_LOCK = threading.Lock()
_EXTRACTORS: dict[Hashable, Any] = {}  # loaded extractors by their options and registry


def _extractor(settings: dict[str, Any]) -> Any:
    """The spaCy pipeline, loaded on the first ingest (a few seconds) and kept."""
    from .extract import ExtractOptions, Extractor
    from .gate import Lexicon

    options = ExtractOptions.from_settings(settings)
    key = (options, str(settings["registry"]))  # one per way of extracting, not only per spaCy model
    if key not in _EXTRACTORS:
        dirs = [d for d in str(settings["registry"]).split(os.pathsep) if d]
        _EXTRACTORS[key] = Extractor(options, lexicon=Lexicon(load_registry(*dirs)))
    return _EXTRACTORS[key]


def _deliverer(settings: dict[str, Any], ledgers: _Ledgers, wake: threading.Event, stop: threading.Event,
               every: float = 30.0) -> None:
    """Deliver webhooks after every write made through the server, and every ``every`` seconds
    (changes written by other processes, e.g. ``treatywatch ingest`` or ``watch``)."""
    while not stop.is_set():
        wake.wait(every)
        wake.clear()
        if stop.is_set():
            break
        try:
            led = ledgers.get()
            if led.webhooks():
                alerts.deliver_webhooks(led, base_url=str(settings.get("public_url") or "") or None,
                                        timeout=float(settings["webhook_timeout"]),
                                        retries=int(settings["webhook_retries"]),
                                        backoff=float(settings["webhook_backoff"]))
        except Exception:  # a delivery failure must never stop the server
            logger.exception("webhook delivery failed")


def _json(data: Any, status: int = 200) -> JSONResponse:
    """A JSON answer of a view's dict (plain JSON types already: no re-encoding by the framework)."""
    return JSONResponse(data, status_code=status)


def _encode(data: Any) -> bytes:
    """A view's dict as JSON, encoded as ``JSONResponse`` does (compact, UTF-8)."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


def _json_bytes(body: bytes) -> Response:
    """A JSON answer already encoded (by ``_encode``)."""
    return Response(body, media_type="application/json")


def _chart(counts: list[dict[str, Any]], width: int = 640, height: int = 200, pad: int = 36) -> dict[str, Any]:
    """Coordinates of the bound-count line chart (an SVG drawn by the template; no script needed)."""
    if not counts:
        return {"points": "", "width": width, "height": height, "ticks": [], "ymax": 0, "labels": []}
    ymax = max(1, max(c["bound"] for c in counts))
    n = max(1, len(counts) - 1)
    xs = [pad + (width - 2 * pad) * i / n for i in range(len(counts))]
    ys = [height - pad - (height - 2 * pad) * c["bound"] / ymax for c in counts]
    step = max(1, len(counts) // 6)
    labels = [{"x": round(xs[i], 1), "text": counts[i]["date"][:7 if len(counts) < 30 else 4]}
              for i in range(0, len(counts), step)]
    ticks = [{"y": round(height - pad - (height - 2 * pad) * v / ymax, 1), "value": v}
             for v in sorted({0, ymax // 2, ymax})]
    return {"points": " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys)), "width": width, "height": height,
            "ticks": ticks, "ymax": ymax, "labels": labels, "pad": pad,
            "last": {"x": round(xs[-1], 1), "y": round(ys[-1], 1), "value": counts[-1]["bound"]}}


def serve(settings: dict[str, Any], host: str = "127.0.0.1", port: int = 8000,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    app = create_app(settings)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    if on_ready is not None:
        on_ready(f"http://{host if ':' not in host else f'[{host}]'}:{port}/")
    server.run()


__all__ = ["create_app", "serve", "Problem", "ArticleIn", "ReviewIn"]
