using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Engine.Audience;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;

namespace Warning.Admin.Pages.Directory;

/// <summary>Directory management for administrators: what the directory holds, departments, and CSV import with its rejected rows.</summary>
[Authorize(Policy = ApiScopes.DirectoryWrite)]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class IndexModel(DirectoryStore directory, IDepartmentDirectory departments, IAuditStore audit, TimeProvider timeProvider,
    ILogger<IndexModel> logger) : PageModel
{
    public RecipientDirectory Current => directory.Current;

    public IReadOnlyList<Department> Departments => departments.All;

    public CsvImportReport? Report { get; private set; }

    public string? ImportKind { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, string kind)
    {
        ImportKind = kind is "devices" or "endpoints" ? kind : "people";
        if (file is null || file.Length == 0)
        {
            Report = new CsvImportReport(0, 0, [new CsvRowError(0, "file", "请选择 CSV 文件", "choose a CSV file")]);
            return Page();
        }
        // Parse into memory first (the importer is synchronous), then swap the snapshot in one step.
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        buffer.Position = 0;
        CsvImportReport? report = null;
        directory.Update(builder => report = ImportKind switch
        {
            "devices" => DirectoryCsvImporter.ImportDevices(buffer, builder, HttpContext.RequestAborted),
            "endpoints" => DirectoryCsvImporter.ImportEndpoints(buffer, builder, HttpContext.RequestAborted),
            _ => DirectoryCsvImporter.ImportPeople(buffer, builder, HttpContext.RequestAborted),
        });
        Report = report;
        Log.DirectoryImported(logger, User.ToIssuer().UserId, report!.Imported, report.Rejected);
        // A directory change decides who is warned: it belongs in the action log like any other configuration change.
        await audit.AppendActionAsync(User.ToIssuer().UserId, "directory.import", ImportKind,
            JsonSerializer.Serialize(new { file = file.FileName, imported = report.Imported, rejected = report.Rejected, version = directory.Current.Version }),
            timeProvider.GetUtcNow(), HttpContext.RequestAborted);
        return Page();
    }
}
