using Warning.Admin.Endpoints;
using Warning.Admin.Hosting;
using Warning.Admin.Readings;
using Warning.Admin.Web;
using Warning.Channels;
using Warning.Engine.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWarningConfiguration();
builder.Services.AddWarningJson();
builder.Services.AddProblemDetails();
builder.Services.AddWarningEngine(builder.Configuration).AddAllChannels();
builder.Services.AddReadingsApi(builder.Configuration);
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
