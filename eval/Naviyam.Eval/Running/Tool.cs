using System.Diagnostics;

namespace Naviyam.Eval.Running;

/// <summary>Runs <c>dotnet …</c> (or <c>git …</c> with a "git:" first argument) to the end; a non-zero exit is an error.</summary>
internal static class Tool
{
    public static async Task<string> RunAsync(TextWriter? log, string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var git = arguments[0].StartsWith("git:", StringComparison.Ordinal);
        var start = new ProcessStartInfo(git ? "git" : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(git ? arguments[0]["git:".Length..] : arguments[0]);
        foreach (var argument in arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        log?.WriteLine($"> {start.FileName} {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
        return await output;
    }
}
