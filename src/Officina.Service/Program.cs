using Officina.Service.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.AddOfficina();

var app = builder.Build();
app.UseOfficina();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
