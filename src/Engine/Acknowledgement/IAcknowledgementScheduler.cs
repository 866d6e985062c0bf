namespace Warning.Engine.Acknowledgement;

/// <summary>
/// Runs <see cref="AcknowledgementService.OnDeadlineAsync"/> for a request at its deadline (Quartz.NET in the host,
/// <see cref="TimerAcknowledgementScheduler"/> on a <see cref="TimeProvider"/> elsewhere). A deadline that fires
/// after its request moved on is harmless: the service checks the step it was scheduled for.
/// </summary>
public interface IAcknowledgementScheduler
{
    Task ScheduleAsync(string requestId, EscalationStep step, DateTimeOffset dueAt, CancellationToken cancellationToken);
}
