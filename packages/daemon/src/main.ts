console.log("daemon")
