using Warning.Engine.Issuing;

namespace Warning.Admin.Web;

/// <summary>Chinese and English words for the states the console shows.</summary>
public static class Words
{
    public static (string Chinese, string English) State(string? state) => state switch
    {
        "Pending" => ("待发布", "Pending"),
        "Active" => ("生效中", "Active"),
        "Cancelled" => ("已解除", "Cancelled"),
        "Expired" => ("已过期", "Expired"),
        "Draft" => ("草稿", "Draft"),
        "Submitted" => ("待审核", "Submitted"),
        "Approved" => ("已签发", "Approved"),
        "Published" => ("已发布", "Published"),
        "Rejected" => ("已退回", "Rejected"),
        "Withdrawn" => ("已撤回", "Withdrawn"),
        "Alert" => ("首发", "Alert"),
        "Update" => ("更新", "Update"),
        "Cancel" => ("解除", "Cancel"),
        "Running" => ("发送中", "Running"),
        "Completed" => ("已完成", "Completed"),
        "Failed" => ("失败", "Failed"),
        "Planning" => ("准备中", "Planning"),
        "Scheduled" => ("已定时，生效时发送", "Scheduled: sent when it takes effect"),
        "NotStarted" => ("未开始", "Not started"),
        "Recorded" => ("已记录", "Recorded"),
        null or "" => ("—", "—"),
        _ => (state, state),
    };

    public static (string Chinese, string English) Channel(string channel) => channel switch
    {
        "sms" => ("短信", "SMS"),
        "wechat" => ("微信", "WeChat"),
        "led" => ("显示屏", "LED signs"),
        "broadcast" => ("应急广播", "Broadcast"),
        "broadcast-platform" => ("应急广播平台", "Broadcast platform"),
        "wecom" => ("企业微信", "WeCom"),
        "wecom-robot" => ("企业微信群机器人", "WeCom group robots"),
        "email" => ("邮件", "Email"),
        "webhook" => ("Webhook", "Webhook"),
        _ => (channel, channel),
    };

    public static (string Chinese, string English) Group(string group) => group switch
    {
        "public" => ("社会公众", "Public"),
        "officials" => ("责任人", "Officials"),
        "schools" => ("学校", "Schools"),
        "enterprise-safety" => ("企业安全员", "Enterprise safety officers"),
        "grid-workers" => ("网格员", "Grid workers"),
        "rescue-teams" => ("救援队伍", "Rescue teams"),
        "volunteers" => ("志愿者", "Volunteers"),
        _ => (group, group),
    };

    public static (string Chinese, string English) Role(IssuerRoles role) => role switch
    {
        IssuerRoles.Drafter => ("起草", "Drafter"),
        IssuerRoles.Approver => ("审核签发", "Approver"),
        IssuerRoles.Auditor => ("审计", "Auditor"),
        IssuerRoles.Administrator => ("管理员", "Administrator"),
        _ => (role.ToString(), role.ToString()),
    };

    public static (string Chinese, string English) Action(string action) => action switch
    {
        "Draft" or "draft" => ("起草", "Draft"),
        "Edit" or "edit" => ("修改", "Edit"),
        "Submit" or "submit" => ("提交", "Submit"),
        "Approve" or "approve" => ("签发", "Approve"),
        "Reject" or "reject" => ("退回", "Reject"),
        "Withdraw" or "withdraw" => ("撤回", "Withdraw"),
        "Publish" or "publish" => ("发布", "Publish"),
        "draft-update" => ("起草更新", "Draft update"),
        "draft-cancel" => ("起草解除", "Draft cancel"),
        "Expire" => ("过期", "Expire"),
        "account.create" => ("新建用户", "Create user"),
        "account.reset-password" => ("重置密码", "Reset password"),
        "apikey.create" => ("新建接口密钥", "Create API key"),
        "apikey.revoke" => ("吊销接口密钥", "Revoke API key"),
        "directory.import" => ("导入名录", "Import directory"),
        _ => (action, action),
    };
}
