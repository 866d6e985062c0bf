namespace Warning.Engine.Issuing;

/// <summary>
/// Timed steps of released warnings (design.md §2, Quartz.NET in the host): the expiry of the version in force, the
/// fan-out of a version released ahead of its <c>effective</c> time, and the repeated broadcast of a Red warning.
/// Scheduling again for the same thread replaces the earlier time (an Update moves the expiry).
/// </summary>
public interface IWarningSchedule
{
    Task ScheduleExpiryAsync(string threadId, DateTimeOffset expires, CancellationToken cancellationToken);

    /// <summary>Starts the fan-out of <paramref name="versionId"/> at <paramref name="effective"/> (see <see cref="WarningService.StartScheduledAsync"/>).</summary>
    Task SchedulePublicationAsync(string threadId, string versionId, DateTimeOffset effective, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Repeats the broadcast of the thread's Red version at the configured interval while it stays active.</summary>
    Task ScheduleRepeatAsync(string threadId, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>No schedules: for tools and tests that expire threads by calling <see cref="WarningService.ExpireAsync"/>.</summary>
public sealed class NoWarningSchedule : IWarningSchedule
{
    public static NoWarningSchedule Instance { get; } = new();

    public Task ScheduleExpiryAsync(string threadId, DateTimeOffset expires, CancellationToken cancellationToken) => Task.CompletedTask;
}
