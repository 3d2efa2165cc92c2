using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using BenchmarkDotNet.Running;
using Naviyam.Bench;

namespace Naviyam.Benchmarks;

/// <summary>
/// BenchmarkDotNet reports means over iterations; the targets are per-call percentiles. This runs the very same
/// benchmark method (same class, parameters and setup) call by call and records each call's wall time in an
/// HdrHistogram. Bounded by time and by count. Each sample includes one <see cref="Stopwatch"/> read (tens of ns).
/// Also returns the process's CPU time over the sampled calls (every thread: a case that runs on two cores costs two).
/// </summary>
public static class LatencySampler
{
    public static (Latency Latency, TimeSpan Cpu) Sample(BenchmarkCase benchmark, TimeSpan warmup, TimeSpan duration, int maxCalls)
    {
        var descriptor = benchmark.Descriptor;
        var instance = Activator.CreateInstance(descriptor.Type)
            ?? throw new InvalidOperationException($"Cannot create {descriptor.Type}.");
        foreach (var parameter in benchmark.Parameters.Items)
        {
            var member = descriptor.Type.GetMember(parameter.Name, BindingFlags.Public | BindingFlags.Instance).Single();
            switch (member)
            {
                case PropertyInfo property:
                    property.SetValue(instance, parameter.Value);
                    break;
                case FieldInfo field:
                    field.SetValue(instance, parameter.Value);
                    break;
            }
        }
        descriptor.GlobalSetupMethod?.Invoke(instance, null);
        try
        {
            var call = Compile(instance, descriptor.WorkloadMethod);
            RunFor(call, warmup, int.MaxValue, null);
            var latency = new Latency();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            RunFor(call, duration, maxCalls, latency);
            return (latency, Environment.CpuUsage.TotalTime - cpuBefore);
        }
        finally
        {
            descriptor.GlobalCleanupMethod?.Invoke(instance, null);
        }
    }

    private static void RunFor(Func<object?> call, TimeSpan duration, int maxCalls, Latency? latency)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < maxCalls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (call() is Task task)
            {
                task.GetAwaiter().GetResult();
            }
            var stop = Stopwatch.GetTimestamp();
            latency?.Record(stop - start);
            if (stop >= end)
            {
                break;
            }
        }
    }

    /// <summary>A compiled call (no reflection per invocation), so sub-microsecond methods are not swamped.</summary>
    private static Func<object?> Compile(object instance, MethodInfo method)
    {
        Expression body = Expression.Call(Expression.Constant(instance), method);
        body = method.ReturnType == typeof(void)
            ? Expression.Block(body, Expression.Constant(null, typeof(object)))
            : Expression.Convert(body, typeof(object));
        return Expression.Lambda<Func<object?>>(body).Compile();
    }
}
