namespace Warning.Admin.Readings;

/// <summary>Why a post to /api/readings was refused: the status, the code and the words (Chinese / English).</summary>
internal sealed record ReadingRejection(int Status, string Code, string Title)
{
    public static readonly ReadingRejection NotConfigured = new(503, "SigningNotConfigured",
        "服务器未配置读数签名密钥 / the server has no signing key for readings (Warning:Readings:SigningKey)");

    public static readonly ReadingRejection NotApiKey = new(403, "ApiKeyRequired",
        "监测读数只接受 API 密钥调用 / readings are accepted from API keys only");

    public static readonly ReadingRejection MissingTimestamp = new(401, "MissingTimestamp",
        $"缺少或无法识别 {ReadingSignature.TimestampHeader}（Unix 秒）/ missing or malformed {ReadingSignature.TimestampHeader} (Unix seconds)");

    public static readonly ReadingRejection StaleTimestamp = new(401, "TimestampOutOfRange",
        "时间戳与服务器时间相差超过 5 分钟 / timestamp more than 5 minutes from the server's clock");

    public static readonly ReadingRejection MissingSignature = new(401, "MissingSignature",
        $"缺少 {ReadingSignature.SignatureHeader} 签名 / missing {ReadingSignature.SignatureHeader}");

    public static readonly ReadingRejection BadSignature = new(401, "BadSignature",
        "签名无效 / invalid signature (HMAC-SHA256 over timestamp + \".\" + body)");

    public static readonly ReadingRejection Replayed = new(409, "Replayed",
        "重复提交：该签名已使用过 / replayed request: this signature was already used");

    public static readonly ReadingRejection TooLarge = new(413, "TooLarge",
        "请求体过大 / request body too large");

    public static ReadingRejection BadBody(string detail) => new(400, "BadBody", "读数格式错误 / malformed readings: " + detail);

    public IResult ToProblem() => Results.Problem(statusCode: Status, title: Title, type: "urn:warning:readings:" + Code,
        extensions: new Dictionary<string, object?> { ["error"] = Code });
}
