namespace Naviyam.Hosting.Telemetry;

/// <summary>
/// Bound from <c>Naviyam:Tracing</c>, in the gateway and in every silo process. Traces are off unless
/// <see cref="Enabled"/> or an <see cref="OtlpEndpoint"/> says otherwise: a span per request costs little, but nothing
/// reads them until an operator names a collector.
/// </summary>
public sealed class TracingOptions
{
    public const string Section = "Naviyam:Tracing";

    /// <summary>Record traces even without an exporter (a test or a debugger adds its own).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// An OTLP collector the spans are exported to; setting it turns tracing on. With <see cref="OtlpProtocol.Grpc"/>
    /// its address (<c>http://127.0.0.1:4317</c>); with <see cref="OtlpProtocol.HttpProtobuf"/> the full traces URL
    /// (<c>http://127.0.0.1:4318/v1/traces</c>).
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.Grpc;

    public bool IsOn => Enabled || OtlpEndpoint is not null;
}

/// <summary>How spans travel to the collector (OTLP's two transports).</summary>
public enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
