using Warning.Engine.Acknowledgement;

namespace Warning.Engine.Tests.Persistence;

public abstract partial class AuditStoreContractTests
{
    private static AcknowledgementRequest AckRequest(string id, string version = "v1", string thread = "t1", string person = "OFF-1") =>
        new(id, thread, version, "440106001", person, "4821", "青岚区气象局发布暴雨红色预警", false, T0) { DueAt = T0.AddMinutes(10) };

    private static AcknowledgementContact AckContact(string request, string person, string channel = "sms", string hash = "h1",
        EscalationStep step = EscalationStep.Initial, int minute = 0, string? token = null) =>
        new(request, person, channel, hash, step, T0.AddMinutes(minute), "Sent", token);

    [Fact]
    public async Task TryAnswerAcknowledgementAsync_SecondAnswer_LosesAndKeepsTheFirst()
    {
        var sut = await CreateSutAsync();
        await sut.AddAcknowledgementRequestsAsync([AckRequest("r1")], Token);

        Assert.True(await sut.TryAnswerAcknowledgementAsync("r1", "OFF-1", "sms", T0.AddMinutes(2), Token));
        Assert.False(await sut.TryAnswerAcknowledgementAsync("r1", "DEP-1", "link", T0.AddMinutes(3), Token));

        var stored = await sut.GetAcknowledgementRequestAsync("r1", Token);
        Assert.Equal((AcknowledgementState.Answered, "OFF-1", "sms", (DateTimeOffset?)T0.AddMinutes(2)),
            (stored!.State, stored.AnsweredBy, stored.AnswerChannel, stored.AnsweredAt));
        Assert.Equal(("4821", "青岚区气象局发布暴雨红色预警", T0.AddMinutes(10)), (stored.Code, stored.Headline, stored.DueAt));
    }

    [Fact]
    public async Task TryAdvanceAcknowledgementAsync_FromAStepItLeft_ChangesNothing()
    {
        var sut = await CreateSutAsync();
        await sut.AddAcknowledgementRequestsAsync([AckRequest("r1")], Token);

        Assert.True(await sut.TryAdvanceAcknowledgementAsync("r1", EscalationStep.Initial, EscalationStep.Deputy, T0.AddMinutes(20), Token));
        Assert.False(await sut.TryAdvanceAcknowledgementAsync("r1", EscalationStep.Initial, EscalationStep.Supervisor, T0.AddMinutes(30), Token));

        var stored = await sut.GetAcknowledgementRequestAsync("r1", Token);
        Assert.Equal((EscalationStep.Deputy, T0.AddMinutes(20)), (stored!.Step, stored.DueAt));
    }

    [Fact]
    public async Task TryEndAcknowledgementAsync_AnsweredRequest_StaysAnswered()
    {
        var sut = await CreateSutAsync();
        await sut.AddAcknowledgementRequestsAsync([AckRequest("r1"), AckRequest("r2")], Token);
        await sut.TryAnswerAcknowledgementAsync("r1", "OFF-1", "console", T0, Token);

        Assert.False(await sut.TryEndAcknowledgementAsync("r1", AcknowledgementState.Unanswered, Token));
        Assert.True(await sut.TryEndAcknowledgementAsync("r2", AcknowledgementState.Closed, Token));

        Assert.Empty(await sut.ListPendingAcknowledgementRequestsAsync(Token));
        Assert.Equal([AcknowledgementState.Answered, AcknowledgementState.Closed],
            (await sut.ListAcknowledgementRequestsAsync("v1", Token)).Select(r => r.State));
    }

    [Fact]
    public async Task FindPendingAcknowledgementsByAddressAsync_MatchesPendingRequestsContactedThere()
    {
        var sut = await CreateSutAsync();
        await sut.AddAcknowledgementRequestsAsync([AckRequest("r1"), AckRequest("r2", person: "OFF-2"), AckRequest("r3")], Token);
        await sut.AddAcknowledgementContactsAsync([AckContact("r1", "OFF-1", hash: "h1"), AckContact("r2", "OFF-2", hash: "h2"),
            AckContact("r3", "OFF-1", hash: "h1"), AckContact("r2", "DEP-2", hash: "h1", step: EscalationStep.Deputy, minute: 10)], Token);
        await sut.TryAnswerAcknowledgementAsync("r3", "OFF-1", "sms", T0, Token);

        var matches = await sut.FindPendingAcknowledgementsByAddressAsync("sms", "h1", Token);

        Assert.Equal([("r1", "OFF-1"), ("r2", "DEP-2")], matches.Select(m => (m.Request.RequestId, m.PersonId)).Order());
        Assert.Empty(await sut.FindPendingAcknowledgementsByAddressAsync("wechat", "h1", Token));
    }

    [Fact]
    public async Task FindAcknowledgementByTokenAsync_LinkToken_NamesTheRequestAndItsPerson()
    {
        var sut = await CreateSutAsync();
        await sut.AddAcknowledgementRequestsAsync([AckRequest("r1"), AckRequest("r2", version: "v2")], Token);
        await sut.AddAcknowledgementContactsAsync([AckContact("r1", "OFF-1"),
            AckContact("r1", "DEP-1", "wechat", "h9", EscalationStep.Deputy, 10, "tok-abc")], Token);

        var match = await sut.FindAcknowledgementByTokenAsync("tok-abc", Token);

        Assert.Equal(("r1", "DEP-1"), (match!.Request.RequestId, match.PersonId));
        Assert.Null(await sut.FindAcknowledgementByTokenAsync("tok-nope", Token));
        Assert.Equal([("OFF-1", EscalationStep.Initial), ("DEP-1", EscalationStep.Deputy)],
            (await sut.ListAcknowledgementContactsAsync("v1", Token)).Select(c => (c.PersonId, c.Step)));
        Assert.Empty(await sut.ListAcknowledgementContactsAsync("v2", Token));
    }

    [Fact]
    public async Task ListPendingAcknowledgementRequestsOfThreadAsync_LeavesOutTheNewVersion()
    {
        var sut = await CreateSutAsync();
        await sut.AddAcknowledgementRequestsAsync([AckRequest("r1", "v1"), AckRequest("r2", "v2"), AckRequest("r3", "v9", thread: "t9")], Token);

        Assert.Equal(["r1"], (await sut.ListPendingAcknowledgementRequestsOfThreadAsync("t1", "v2", Token)).Select(r => r.RequestId));
    }
}
