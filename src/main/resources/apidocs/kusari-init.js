// Starts Swagger UI on the API documentation page. A file of its own, not inline: the page's
// Content-Security-Policy allows scripts from this server only.
window.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("swagger-ui");
    window.ui = SwaggerUIBundle({
        url: root.getAttribute("data-spec"),
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: "BaseLayout",
        // writes need a session's CSRF pair or a token; "Try it out" sends the session cookie of this browser
        withCredentials: true,
        validatorUrl: null
    });
});
