using Officina.Service.Configuration;
using Officina.Service.Workers;

if (WorkerHost.IsWorker(args))
{
    return await WorkerHost.RunAsync().ConfigureAwait(false);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddOfficina();

var app = builder.Build();
app.UseOfficina();
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
