namespace Warning.Engine.Alerts;

/// <summary>CAP status. Exercise and Test never reach the public; Draft is not actionable.</summary>
public enum AlertStatus { Actual, Exercise, System, Test, Draft }

/// <summary>CAP msgType. The warning lifecycle uses Alert, Update and Cancel; Ack and Error are system replies.</summary>
public enum MessageType { Alert, Update, Cancel, Ack, Error }

public enum AlertScope { Public, Restricted, Private }

public enum CapCategory { Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other }

public enum CapResponseType { Shelter, Evacuate, Prepare, Execute, Avoid, Monitor, Assess, AllClear, None }

public enum CapUrgency { Immediate, Expected, Future, Past, Unknown }

public enum CapSeverity { Extreme, Severe, Moderate, Minor, Unknown }

/// <summary>CAP certainty. <see cref="VeryLikely"/> is the deprecated CAP 1.0 / 12379 value; CAP 1.2 output writes it as Likely.</summary>
public enum CapCertainty { Observed, Likely, Possible, Unlikely, Unknown, VeryLikely }
