"""The Flask application factory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from gracious import problems, security, storage
from gracious.settings import default_settings


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app: config, error contract, security checks and the API."""
    # no static folder: the guide blueprint serves its own files under /guide/
    app = Flask(__name__, static_folder=None)
    app.config.from_mapping(default_settings())
    if test_config:
        app.config.from_mapping(test_config)
    # drafts are plain text; keep non-ascii names readable in the json
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]

    problems.init_app(app)
    security.init_app(app)
    storage.init_app(app)

    from gracious.api import bp

    app.register_blueprint(bp)
    from gracious.guide.serving import bp as guide_bp

    app.register_blueprint(guide_bp)
    from gracious.landing import bp as landing_bp

    app.register_blueprint(landing_bp)
    return app
