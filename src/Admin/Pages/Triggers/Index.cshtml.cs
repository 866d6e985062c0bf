using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warning.Admin.Accounts;
using Warning.Engine.Issuing;
using Warning.Engine.Persistence;
using Warning.Engine.Triggers;

namespace Warning.Admin.Pages.Triggers;

/// <summary>
/// Monitoring rules of the user's department and where each stands; drafters create and edit rules that draft for
/// sign-off, and only an approver may save a rule that publishes directly (the save records them as its authoriser).
/// </summary>
[Authorize(Policy = ApiScopes.WarningsRead)]
public sealed class IndexModel(ITriggerStore store, IAuditStore audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<(TriggerRule Rule, RuleState? State)> Rules { get; private set; } = [];

    [BindProperty]
    public RuleForm Form { get; set; } = new();

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string? Saved { get; private set; }

    public bool CanEdit => User.HasScope(ApiScopes.WarningsWrite);

    public async Task OnGetAsync(string? id)
    {
        await LoadAsync();
        if (id is not null && Rules.FirstOrDefault(r => r.Rule.Id == id) is { Rule: { } rule })
        {
            Form = RuleForm.From(rule);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var issuer = User.ToIssuer();
        if (!CanEdit)
        {
            return Forbid();
        }
        var existing = await store.GetRuleAsync(Form.Id.Trim(), HttpContext.RequestAborted);
        var problems = new List<string>();
        if (existing is not null && existing.DepartmentId != issuer.DepartmentId)
        {
            problems.Add("该规则编号已被其他部门使用。");
        }
        if (Form.Mode == TriggerMode.PublishDirectly && !issuer.Has(IssuerRoles.Approver))
        {
            problems.Add("只有审核签发人员可以预授权规则直接发布；请选择“起草待签发”。");
        }
        var (rule, problem) = Form.ToRule(issuer.DepartmentId, issuer.UserId, issuer.UserId, time.GetUtcNow());
        if (problem is not null)
        {
            problems.Add(problem);
        }
        if (rule is not null)
        {
            problems.AddRange(rule.Problems());
        }
        if (problems.Count > 0)
        {
            Problems = problems;
            await LoadAsync();
            return Page();
        }
        await store.SaveRuleAsync(rule!, HttpContext.RequestAborted);
        await audit.AppendActionAsync(issuer.UserId, existing is null ? "trigger-rule-create" : "trigger-rule-edit", "rule/" + rule!.Id,
            $"mode={rule.Mode}; authorised_by={rule.AuthorisedBy ?? "-"}; station={rule.StationId ?? "-"}; area={rule.AreaCode ?? "-"}; " +
            $"measure={rule.Measure}; thresholds={Form.Thresholds}; hysteresis={rule.Hysteresis}; enabled={rule.Enabled}",
            time.GetUtcNow(), HttpContext.RequestAborted);
        Saved = rule.Id;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var department = User.ToIssuer().DepartmentId;
        var states = (await store.ListRuleStatesAsync(HttpContext.RequestAborted)).ToDictionary(s => s.RuleId, StringComparer.Ordinal);
        Rules = [.. (await store.ListRulesAsync(HttpContext.RequestAborted)).Where(r => r.DepartmentId == department)
            .Select(r => (r, states.GetValueOrDefault(r.Id)))];
    }
}
