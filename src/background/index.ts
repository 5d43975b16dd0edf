console.log("invitewise bg");
