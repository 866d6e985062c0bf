// OUR stand-ins for the peers the product cannot reach on one machine (README.md): run it with scripts/peers.sh.
using Warning.Peers.Hosting;

var app = PeersApp.Create(args);
await app.RunAsync();
