namespace Warning.Admin.Endpoints;

/// <summary>A plain landing page in Chinese until the console (issue 7) replaces it.</summary>
internal static class HomePage
{
    private const string Html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>预警信息发布系统</title></head>
        <body>
        <h1>预警信息发布系统 Warning</h1>
        <p>系统运行中。可用接口：</p>
        <ul>
        <li><code>GET /health</code> — 运行状态</li>
        <li><code>POST /api/cap/validate</code> — 校验 CAP 1.2 或 12379 (GB/T 35965.1) 预警报文</li>
        <li><code>POST /api/cap/convert?to=cap|12379</code> — 两种报文格式互相转换</li>
        </ul>
        </body></html>
        """;

    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Content(Html, "text/html; charset=utf-8"));
        return app;
    }
}
