// /docs: Swagger UI over this server's /openapi.json (served from the package; no validator,
// no request leaves the server).
window.addEventListener("load", function () {
  var box = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: box.getAttribute("data-spec"),
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    tryItOutEnabled: false
  });
});
