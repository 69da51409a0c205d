using CxAsCode.Sandbox;
using CxAsCode.Sandbox.Hosting;

// Exit codes: 0 stopped normally, 1 could not start, 2 bad arguments.
var options = CommandLine.Parse(args, out var error);
if (options is null)
{
    if (error is null)
    {
        Console.Out.WriteLine(CommandLine.Usage);
        return 0;
    }

    await Console.Error.WriteLineAsync($"error: {error}\n\n{CommandLine.Usage}");
    return 2;
}

Microsoft.AspNetCore.Builder.WebApplication app;
try
{
    app = SandboxApp.Create(options);
    await app.StartAsync();
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"error: the sandbox could not start: {ex.Message}");
    return 1;
}

// The engine starts us with --port 0 and reads this exact line to learn the port.
Console.Out.WriteLine($"CxAsCode sandbox listening on http://127.0.0.1:{SandboxApp.BaseAddress(app).Port}");
Console.Out.Flush();
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;
