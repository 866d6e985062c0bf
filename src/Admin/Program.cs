using Warning.Admin.Endpoints;
using Warning.Admin.Hosting;
using Warning.Admin.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddWarningConfiguration();
builder.Services.AddWarningJson();
builder.Services.AddProblemDetails();
builder.Services.AddWarningEngine(builder.Configuration);
builder.AddWarningConsole();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealthEndpoints();
app.MapCapEndpoints();
app.MapWarningConsole();

app.Run();

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
