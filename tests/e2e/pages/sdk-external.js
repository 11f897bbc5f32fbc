ran.push("external")
