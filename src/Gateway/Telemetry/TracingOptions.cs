namespace Naviyam.Gateway.Telemetry;

/// <summary>
/// Bound from <c>Naviyam:Tracing</c>. Traces are off unless <see cref="Enabled"/> or an <see cref="OtlpEndpoint"/> says
/// otherwise: a span per request costs little, but nothing reads them until an operator names a collector.
/// </summary>
public sealed class TracingOptions
{
    public const string Section = "Naviyam:Tracing";

    /// <summary>Record traces even without an exporter (a test or a debugger adds its own).</summary>
    public bool Enabled { get; set; }

    /// <summary>An OTLP collector (gRPC, e.g. <c>http://127.0.0.1:4317</c>) the spans are exported to; setting it turns tracing on.</summary>
    public Uri? OtlpEndpoint { get; set; }

    public bool IsOn => Enabled || OtlpEndpoint is not null;
}
