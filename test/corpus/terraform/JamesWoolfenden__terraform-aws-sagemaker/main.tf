# required
