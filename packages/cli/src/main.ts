console.log("mk")
