namespace Warning.Engine.Issuing;

/// <summary>
/// Timed steps of released warnings (design.md §2, Quartz.NET in the host): the expiry of the version in force.
/// Scheduling again for the same thread replaces the earlier time (an Update moves the expiry).
/// </summary>
public interface IWarningSchedule
{
    Task ScheduleExpiryAsync(string threadId, DateTimeOffset expires, CancellationToken cancellationToken);
}

/// <summary>No schedules: for tools and tests that expire threads by calling <see cref="WarningService.ExpireAsync"/>.</summary>
public sealed class NoWarningSchedule : IWarningSchedule
{
    public static NoWarningSchedule Instance { get; } = new();

    public Task ScheduleExpiryAsync(string threadId, DateTimeOffset expires, CancellationToken cancellationToken) => Task.CompletedTask;
}
