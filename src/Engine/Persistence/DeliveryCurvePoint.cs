namespace Warning.Engine.Persistence;

/// <summary>Deliveries confirmed within one time bucket, and in total up to its end.</summary>
public readonly record struct DeliveryCurvePoint(DateTimeOffset BucketStart, long Delivered, long Cumulative);
